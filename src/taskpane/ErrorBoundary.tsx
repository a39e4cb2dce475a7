import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useI18n } from "./i18n";
import { isUserError } from "./services";

/** The officer-facing text of an error: its own {vi, en} message, or a generic line with the detail. */
export function useErrorText(): (error: unknown) => string {
  const { t, text } = useI18n();
  return React.useCallback(
    (error: unknown) => {
      if (isUserError(error)) return text(error.text);
      const detail = error instanceof Error ? error.message : String(error);
      return t("error.generic", { detail });
    },
    [t, text]
  );
}

/** An error shown as a Fluent MessageBar (announced to screen readers), optionally dismissible. */
export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t } = useI18n();
  const message = useErrorText()(error);
  return (
    <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle> {message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label={t("error.dismiss")}
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}

function BoundaryFallback({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const detail = useErrorText()(error);
  return (
    <MessageBar
      intent="error"
      layout="multiline"
      politeness="assertive"
      role="alert"
      data-testid="error-boundary"
    >
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle> {t("error.boundary")}
        <div>{detail}</div>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t("error.retry")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
}

/** Catches render errors below it and shows a message with a retry button: never a blank pane. */
export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, BoundaryState> {
  state: BoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, failed: true };
  }

  componentDidCatch(error: unknown): void {
    console.error("[bdg-report] task pane error", error);
  }

  private retry = (): void => {
    this.setState({ error: null, failed: false });
  };

  render(): React.ReactNode {
    if (this.state.failed) return <BoundaryFallback error={this.state.error} onRetry={this.retry} />;
    return this.props.children;
  }
}
