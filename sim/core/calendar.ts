/**
 * The C locale's day and month abbreviations, as every tool the simulator imitates prints them in
 * its dates (`Thu, 01 Jan 2026`, `Jan 01 00:00:05`, `01/Jan/2026:00:00:05 +0000`), and the
 * two-digit padding they share.
 */
export const dayAbbr = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const monthAbbr = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
