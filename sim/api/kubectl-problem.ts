import { formatProblem, type ManifestProblem } from './manifest';

/** A problem and the file it is in. */
export interface FileProblem {
  problem: ManifestProblem;
  source: string;
}

/**
 * What kubectl prints for the errors of one `apply -f` / `delete -f`, one message per error. The
 * problems kubectl meets reading the files come first, then the API server's answers. Alone, an
 * error prints as cmdutil's checkErr prints it (`error: …`; an Invalid error as `The Pod "web" is
 * invalid: CAUSE`, several causes as `* ` lines under that heading, helpers.go MultilineError);
 * among several, as MultipleErrors lists them (`Error from server (Invalid): error when creating
 * "web.yaml": Pod "web" is invalid: [a, b]`; a plain error loses its `error: `). Each message ends
 * with where in the file it is when `where` is set (see formatProblem). Source:
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go.
 */
export function printProblems(problems: FileProblem[], where = true): string[] {
  const ordered = [...problems.filter((p) => !p.problem.fromServer), ...problems.filter((p) => p.problem.fromServer)];
  // The causes of one Invalid error are consecutive problems of one document with one heading.
  const errors: FileProblem[][] = [];
  for (const p of ordered) {
    const last = errors[errors.length - 1]?.[0];
    const sameError = last && p.problem.heading && last.problem.heading === p.problem.heading && last.problem.document === p.problem.document && last.source === p.source;
    if (sameError) errors[errors.length - 1].push(p);
    else errors.push([p]);
  }
  if (errors.length === 1) {
    const [error] = errors;
    if (error.length === 1) return [formatProblem(error[0].problem, error[0].source, where)];
    const cause = (p: FileProblem) => formatProblem({ ...p.problem, message: p.problem.message.slice(p.problem.heading!.length) }, p.source, where);
    return [`${error[0].problem.heading}\n${error.map((p) => `* ${cause(p)}`).join('\n')}`];
  }
  return errors.map(([first]) => {
    const { problem, source } = first;
    const listed = problem.listed ?? problem.message.replace(/^error: /, '');
    return formatProblem({ ...problem, message: listed, detail: undefined }, source, where);
  });
}
