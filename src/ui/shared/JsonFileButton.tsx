/** A button-styled file picker for one JSON file; the same file can be chosen again. */
export function JsonFileButton({
  label,
  disabled = false,
  onFile,
}: {
  label: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  return (
    <label className={`file-button${disabled ? ' disabled' : ''}`}>
      {label}
      <input
        type="file"
        disabled={disabled}
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}
