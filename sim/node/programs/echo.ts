import { ok, type Program } from '../programs';
import { echoText } from '../../shell/echo';

/** `/bin/echo [-neE] WORD...` (GNU coreutils), as `kubectl exec POD -- echo …` runs it. */
export const echo: Program = (_ctx, args) => ok(echoText(args));
