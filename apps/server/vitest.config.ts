import { nodeTestConfig } from "@medianum/vitest-config";

export default nodeTestConfig();
