/**
 * Paths as the core gives them (POSIX or Windows). The renderer never touches the file system; these
 * only split and join strings for display and for suggestions the core then checks.
 */

/** The file name from a path written with either kind of slash. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** The folder part of a path, as written. */
export function folderOf(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return index > 0 ? path.slice(0, index) : path;
}

/** Joins a folder and a file name with the folder's own kind of separator. */
export function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** Text made safe as (part of) a file name on every system: no slashes, colons and the like, single spaces. */
export function fileSafe(text: string): string {
  return text.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
}
