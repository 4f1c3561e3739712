export { EditorView } from './EditorView';
