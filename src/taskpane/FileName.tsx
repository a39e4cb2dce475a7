import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Break opportunities after "_", "-" and "." (<wbr>); a part still too long for the pane
  // breaks anywhere rather than push the pane wider.
  name: { overflowWrap: "anywhere" },
});

/** The parts of a file name with a break opportunity after each "_", "-" and ".". */
export function nameParts(name: string): string[] {
  // No look-behind: older Safari (Excel on Mac) cannot parse it.
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "_" || name[i] === "-" || name[i] === ".") {
      parts.push(name.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < name.length || parts.length === 0) parts.push(name.slice(start));
  return parts;
}

/** A file name that wraps at its separators ("bao-cao_xa-cao-xa.xlsx"), not in the middle of a word. */
export function FileName({ name, className }: { name: string; className?: string }) {
  const styles = useStyles();
  const parts = nameParts(name);
  return (
    <span className={className ? `${styles.name} ${className}` : styles.name} data-filename={name}>
      {parts.map((p, i) => (
        <React.Fragment key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </React.Fragment>
      ))}
    </span>
  );
}
