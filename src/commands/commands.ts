/**
 * FunctionFile of manifest.xml (commands.html). The ribbon buttons only open the task pane
 * (ShowTaskpane), so no function is associated yet; an ExecuteFunction button added later
 * registers its handler here with `Office.actions.associate("name", handler)`.
 */

const office = (globalThis as { Office?: typeof Office }).Office;
if (office) {
  office.onReady(() => {
    // Nothing to register: every button of the Home-tab group is a ShowTaskpane action.
  });
}
