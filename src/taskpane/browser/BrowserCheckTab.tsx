import * as React from "react";
import {
  Body1,
  Body1Strong,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
} from "@fluentui/react-components";
import { ErrorBar } from "../ErrorBoundary";
import { fileBytes } from "../file-bytes";
import { useI18n } from "../i18n";
import { useCellListStyles } from "../cell-list-styles";
import { IssueContent } from "../IssueContent";
import { useBrowserText } from "./strings";
import { FilePicker } from "../FilePicker";
import type { FileCheck, FileServices } from "./file-services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  h2: { margin: 0, overflowWrap: "anywhere" },
});

/** The issues of a checked file: errors first, each with its cell and indicator. */
function IssueList({ result }: { result: Extract<FileCheck, { ok: true }> }) {
  const cells = useCellListStyles();
  return (
    <ul className={cells.list} data-testid="bcheck-issues">
      {result.issues.map((issue) => (
        <li key={issue.id} className={cells.item} data-testid="bcheck-issue" data-severity={issue.severity}>
          <IssueContent issue={issue} />
        </li>
      ))}
    </ul>
  );
}

/** "Kiểm tra" outside Excel: one returned file, read here, its issues listed. */
export function BrowserCheckTab({ services }: { services: FileServices }) {
  const styles = useStyles();
  const { text } = useI18n();
  const tb = useBrowserText();
  const [reading, setReading] = React.useState<string | null>(null);
  const [result, setResult] = React.useState<FileCheck | null>(null);
  const [error, setError] = React.useState<unknown>(null);

  const check = async (file: File) => {
    setReading(file.name);
    setResult(null);
    setError(null);
    try {
      const bytes = await fileBytes(file);
      setResult(await services.check({ name: file.name, modified: file.lastModified, bytes }));
    } catch (e) {
      setError(e);
    } finally {
      setReading(null);
    }
  };

  return (
    <div className={styles.root}>
      <Body1 block>{tb("bcheck.intro")}</Body1>
      <FilePicker
        multiple={false}
        label={tb("bcheck.pick")}
        ariaLabel={tb("bcheck.pickAria")}
        dropText={tb("bcheck.drop")}
        disabled={reading !== null}
        onFiles={(files) => void check(files[0])}
        testId="bcheck-input"
      />
      <div role="status" aria-live="polite" data-testid="bcheck-status">
        {reading && <Spinner size="tiny" label={tb("bcheck.reading", { file: reading })} />}
        {result && !result.ok && (
          <MessageBar intent="error" layout="multiline" data-testid="bcheck-refused">
            <MessageBarBody>
              <MessageBarTitle>{tb("bcheck.refused", { file: result.file })}</MessageBarTitle>{" "}
              {text(result.message)}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.ok && (
          <div data-testid="bcheck-result" data-errors={result.errors} data-warnings={result.warnings}>
            <Body1Strong as="h2" block className={styles.h2}>
              {tb("bcheck.result", { file: result.file })}
            </Body1Strong>
            {result.unit && <Body1 block>{tb("bcheck.unit", { unit: result.unit })}</Body1>}
            <Body1 block data-testid="bcheck-counts">
              {tb("bcheck.counts", { errors: result.errors, warnings: result.warnings })}
            </Body1>
          </div>
        )}
      </div>
      {result && result.ok && result.issues.length === 0 && (
        <MessageBar intent="success" layout="multiline" data-testid="bcheck-ok">
          <MessageBarBody>{tb("bcheck.ok")}</MessageBarBody>
        </MessageBar>
      )}
      {result && result.ok && result.issues.length > 0 && <IssueList result={result} />}
      {error !== null && <ErrorBar error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
