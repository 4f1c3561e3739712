/** Saves text as a file through the browser's download. */
export function downloadJson(fileName: string, data: unknown): void {
  download(fileName, `${JSON.stringify(data, null, 2)}\n`, 'application/json');
}

export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
