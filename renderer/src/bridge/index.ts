export { invoke, onCoreEvent, onMenu, onStudyState, type MenuAction } from './bridge.js';
export { readAsBase64 } from './files.js';
export { GroundworkError, isGroundworkError, type ErrorCode } from '../../../shared/contract/errors.js';
