import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useBrowserText } from "./strings";
import type { Written } from "./use-browser-merge";

/** The summary being made, then downloaded (with the reporting rate). */
export function DownloadStatus({ written }: { written: Written }) {
  const tb = useBrowserText();
  if (written.kind === "writing") return <Spinner size="tiny" label={tb("bmerge.writing")} />;
  if (written.kind !== "done") return null;
  return (
    <MessageBar intent="success" layout="multiline" data-testid="bmerge-downloaded">
      <MessageBarBody>
        {tb("bmerge.downloaded", {
          file: written.file,
          received: written.received,
          expected: written.expected,
        })}
      </MessageBarBody>
    </MessageBar>
  );
}
