/** The chancery command line: one file per verb under commands/. */
import { Command } from 'commander';
import { registerCheck } from './commands/check.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExtract } from './commands/extract.ts';
import { registerId } from './commands/id.ts';
import { registerImport } from './commands/import.ts';
import { registerParse } from './commands/parse.ts';
import { registerRefs } from './commands/refs.ts';
import { registerRender } from './commands/render.ts';
import { registerSearch } from './commands/search.ts';
import { registerShow } from './commands/show.ts';
import { registerSynth } from './commands/synth.ts';
import { registerView } from './commands/view.ts';

const program = new Command('chancery')
  .description('Chancery: the telegram (cable) system of a foreign ministry and its embassies')
  .showHelpAfterError()
  .configureOutput({
    outputError: (text, write) => {
      write(text);
    },
  });

for (const register of [
  registerParse,
  registerId,
  registerRender,
  registerCheck,
  registerExtract,
  registerView,
  registerImport,
  registerSearch,
  registerShow,
  registerRefs,
  registerSynth,
  registerDemo,
])
  register(program);

await program.parseAsync(process.argv);
