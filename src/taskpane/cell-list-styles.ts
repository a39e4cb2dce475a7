import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * A list of problems that point at cells: the Check tab's issues (in Excel and in the browser)
 * and the Form tab's definition problems. `item` is one line (icon, then text); `clickable` when
 * a click selects its cell; `selected` for the line whose cell was selected last.
 */
export const useCellListStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: {
    display: "grid",
    gridTemplateColumns: "20px 1fr",
    columnGap: "8px",
    width: "100%",
    textAlign: "left",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  selected: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  cell: { color: tokens.colorNeutralForeground3, gridColumnStart: 2 },
  hint: { color: tokens.colorNeutralForeground3, margin: "0 0 6px" },
});
