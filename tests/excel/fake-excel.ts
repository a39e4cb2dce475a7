/** The recording fake lives in src/excel/fake (the Chromium harness loads it too); tests import it from here. */
export * from "../../src/excel/fake/fake-excel";
