// One JSON file per namespace, so that features add their own catalog without touching others.
import common from "./common.json";
import shell from "./shell.json";
import overview from "./overview.json";

const messages = { common, shell, overview };
export default messages;
