export { invoke, onCoreEvent, onMenu, onStudyState, type MenuAction } from './bridge.js';
export { GroundworkError, isGroundworkError, type ErrorCode } from '../../../shared/contract/errors.js';
