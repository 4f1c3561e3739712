export { EditorView } from './EditorView';
export type { EditorRequest } from './editorRequest';
