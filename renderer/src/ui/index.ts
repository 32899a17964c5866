export { Alert } from './Alert.js';
export { Button } from './Button.js';
export { ConfirmDialog } from './ConfirmDialog.js';
export { Field, type ControlProps } from './Field.js';
export { Meter } from './Meter.js';
export { TextField } from './TextField.js';
export { errorCodeOf, isShortcut, shortcutLabel, showErrorsAndFocus, useErrorText } from './forms.js';
export { ExportFileField } from './ExportFileField.js';
