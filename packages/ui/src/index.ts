export { Layout, Page, useDocumentTitle, VisuallyHidden, type LayoutProps } from "./components/Layout.js";
export { CollapsibleNav } from "./components/CollapsibleNav.js";
export { Button, type ButtonProps } from "./components/Button.js";
export {
  TextField,
  NumberField,
  SelectField,
  TextArea,
  CheckboxField,
  RadioGroup,
  CheckboxGroup,
  type Option,
  type TextFieldProps,
  type NumberFieldProps,
  type SelectFieldProps,
  type TextAreaProps,
  type CheckboxFieldProps,
  type RadioGroupProps,
  type CheckboxGroupProps,
} from "./components/fields.js";
export {
  ErrorSummary,
  Alert,
  Spinner,
  Loading,
  EmptyState,
  Card,
  Badge,
  type FieldError,
  type AlertType,
  type BadgeTone,
} from "./components/feedback.js";
export { DataTable, type Column, type DataTableProps } from "./components/DataTable.js";
export { ActionsMenu, type ActionsMenuProps, type MenuAction } from "./components/ActionsMenu.js";
export {
  issuesToFieldErrors,
  toSummary,
  readApiError,
  NETWORK_ERROR_MESSAGE,
  SERVER_ERROR_MESSAGE,
  type FieldErrors,
  type ApiErrorInfo,
} from "./errors.js";
export { focusNextPage, useFocusOnRouteChange, useFocusOnMount } from "./components/focus.js";
export { LoginForm, type LoginFormProps } from "./auth/LoginForm.js";
export { ProConnectLogin, type ProConnectLoginProps } from "./auth/ProConnectLogin.js";
export { NavItem } from "./components/NavItem.js";
export { BottomNav, isCurrentPath, type BottomNavLink, type BottomNavProps } from "./components/BottomNav.js";
export { QueryState, type QueryStateProps } from "./components/QueryState.js";
