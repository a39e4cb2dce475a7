/**
 * Reading picked files into a merge session, for the add-in's Merge tab and the browser mode's:
 * the progress, the milestones for screen readers, "Hủy", and the contents read so far (picked
 * again, they are skipped) until `forget`.
 */
import * as React from "react";
import { useI18n } from "./i18n";
import { type ReadOutcome, type ReadProgress, readFilesInto } from "./merge-reading";
import type { MergeSession } from "./services";

export function useReader() {
  const { t } = useI18n();
  /** Content hashes of the files read in this session: picked again, they are skipped. */
  const seenRef = React.useRef(new Set<string>());
  const cancelRef = React.useRef(false);
  const [progress, setProgress] = React.useState<ReadProgress | null>(null);
  /** Milestones for screen readers (a quarter, half…), apart from the status line. */
  const [announce, setAnnounce] = React.useState("");

  const readInto = async (session: MergeSession, files: File[]): Promise<ReadOutcome> => {
    cancelRef.current = false;
    setAnnounce("");
    setProgress({ done: 0, total: files.length, file: files[0].name });
    try {
      return await readFilesInto(session, files, seenRef.current, {
        cancelled: () => cancelRef.current,
        onProgress: setProgress,
        onMilestone: (i, n) => setAnnounce(t("merge.milestone", { i, n })),
      });
    } finally {
      setProgress(null);
      setAnnounce("");
    }
  };

  return {
    progress,
    announce,
    readInto,
    cancel: () => (cancelRef.current = true),
    forget: () => (seenRef.current = new Set()),
  };
}
