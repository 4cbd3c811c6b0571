// The `regiekamer` command line: parses arguments, maps errors to exit codes, never shows a stack trace.
import { Command, CommanderError } from 'commander';
import { both, parseLang, t, type Lang } from '../../domain/i18n.ts';
import { ConfigError, loadConfig, type Config } from '../../platform/config.ts';
import { DependencyUnavailableError } from '../../platform/unavailable.ts';
import { EXIT, processIo, writeLine, type CliIo } from './io.ts';
import { validateCommand } from './commands/validate.ts';

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const langOf = (opts: { lang?: string }): Lang => parseLang(opts.lang ?? io.env.REGIEKAMER_LANG ?? io.env.LANG, 'nl');
  const config = () => loadConfig(io.env, io.cwd);

  const program = new Command('regiekamer')
    .description(`${t('cli.help.program', {}, 'nl')}\n${t('cli.help.program', {}, 'en')}`)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .showHelpAfterError();

  program
    .command('validate')
    .description(both('cli.help.validate'))
    .argument('[file]', both('cli.help.file'))
    .option('--lang <lang>', both('cli.help.lang'))
    .option('--json', both('cli.help.json'))
    .action(async (file: string | undefined, opts: { lang?: string; json?: boolean }) => {
      exitCode = await validateCommand(io, file ?? config().programmeFile, langOf(opts), opts.json === true);
    });

  program
    .command('schema')
    .description(both('cli.help.schema'))
    .option('--out <file>', both('cli.help.out'))
    .option('--reference', both('cli.help.reference'))
    .action(async (opts: { out?: string; reference?: boolean }) => {
      const { schemaCommand } = await import('./commands/schema.ts');
      exitCode = await schemaCommand(io, opts.out, opts.reference === true);
    });

  program
    .command('start')
    .description(both('cli.help.start'))
    .action(async () => {
      const { startCommand } = await import('./commands/start.ts');
      exitCode = await startCommand(io, config());
    });

  program
    .command('package')
    .description(both('cli.help.package'))
    .option('--out <file>', both('cli.help.packageOut'), 'dist/regiekamer.zip')
    .action(async (opts: { out: string }) => {
      const { packageCommand } = await import('./commands/package.ts');
      exitCode = await packageCommand(io, config(), opts.out);
    });

  for (const [mode, description] of [
    ['plan', both('cli.help.plan')],
    ['apply', both('cli.help.apply')],
    ['drift', both('cli.help.drift')],
  ] as const) {
    const cmd = program
      .command(mode)
      .description(description)
      .option('--json', both('cli.help.json'))
      .option('--lang <lang>', both('cli.help.lang'));
    if (mode === 'apply') cmd.option('--yes', both('cli.help.yes')).option('--prune', both('cli.help.prune'));
    cmd.action(async (opts: import('./commands/sync.ts').SyncFlags) => {
      const { syncCommand } = await import('./commands/sync.ts');
      exitCode = await syncCommand(io, config(), mode, opts, langOf(opts));
    });
  }

  const ctx: CommandContext = {
    io,
    config,
    langOf,
    exit: (code) => {
      exitCode = code;
    },
  };
  addWorkCommands(program, ctx);
  addTenantCommands(program, ctx);
  addCheckCommand(program, ctx);
  addPersonCommands(program, ctx);
  addReportCommand(program, ctx);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return EXIT.ok;
      return EXIT.invalid;
    }
    if (err instanceof ConfigError) {
      writeLine(io.stderr, err.message);
      return EXIT.invalid;
    }
    // A tenant, the database or a data directory that cannot be used: its message says which and what to do.
    if (err instanceof DependencyUnavailableError) {
      writeLine(io.stderr, `regiekamer: ${err.message}`);
      return EXIT.failure;
    }
    const message = err instanceof Error ? err.message : String(err);
    writeLine(io.stderr, `regiekamer: ${both('cli.unexpected')}: ${message}`);
    return EXIT.failure;
  }
}

/** What a command's action needs: the process, the config (read when a command runs), its language, its exit code. */
interface CommandContext {
  io: CliIo;
  config(): Config;
  langOf(opts: { lang?: string }): Lang;
  exit(code: number): void;
}

/** The commands on the programme's work: actions, decisions, reminders, capacity (through the running server). */
function addWorkCommands(program: Command, c: CommandContext): void {
  program
    .command('acties')
    .description(both('cli.help.acties'))
    .option('--werkgroep <id>', both('cli.help.werkgroep'))
    .option('--mine <persoon>', both('cli.help.mine'))
    .option('--overdue', both('cli.help.overdue'))
    .option('--wijzig <id>', both('cli.help.wijzig'))
    .option('--status <status>', both('cli.help.status'))
    .option('--titel <titel>', both('cli.help.titel'))
    .option('--deadline <datum>', both('cli.help.deadline'))
    .option('--json', both('cli.help.json'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (opts: import('./commands/acties.ts').ActiesFlags) => {
      const { actiesCommand } = await import('./commands/acties.ts');
      c.exit(await actiesCommand(c.io, c.config(), opts, c.langOf(opts)));
    });

  program
    .command('besluiten')
    .description(both('cli.help.besluiten'))
    .option('--voorstel <titel>', both('cli.help.voorstel'))
    .option('--tekst <tekst>', both('cli.help.tekst'))
    .option('--werkgroep <id>', both('cli.help.werkgroep'))
    .option('--niveau <orgaan>', both('cli.help.niveau'))
    .option('--blokkeert <acties>', both('cli.help.blokkeert'))
    .option('--update <id>', both('cli.help.update'))
    .option('--wijzig <id>', both('cli.help.besluitWijzig'))
    .option('--titel <titel>', both('cli.help.titel'))
    .option('--verplaats <id>', both('cli.help.verplaats'))
    .option('--sluit <id>', both('cli.help.sluit'))
    .option('--uitkomst <uitkomst>', both('cli.help.uitkomst'))
    .option('--intrekken <id>', both('cli.help.intrekken'))
    .option('--ongedaan <id>', both('cli.help.ongedaan'))
    .option('--json', both('cli.help.json'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (opts: import('./commands/besluiten.ts').BesluitFlags & { lang?: string }) => {
      const { besluitChangeCommand, changesDecision } = await import('./commands/besluiten.ts');
      if (changesDecision(opts)) {
        c.exit(await besluitChangeCommand(c.io, c.config(), opts, c.langOf(opts)));
        return;
      }
      const { besluitenCommand } = await import('./commands/acties.ts');
      c.exit(await besluitenCommand(c.io, c.config(), opts, c.langOf(opts)));
    });

  program
    .command('herinneringen')
    .alias('remind')
    .argument('<bijeenkomst>', both('cli.help.bijeenkomst'))
    .description(both('cli.help.herinneringen'))
    .option('--json', both('cli.help.json'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (bijeenkomst: string, opts: { json?: boolean; lang?: string }) => {
      const { herinneringenCommand } = await import('./commands/acties.ts');
      c.exit(await herinneringenCommand(c.io, c.config(), bijeenkomst, opts, c.langOf(opts)));
    });

  program
    .command('capaciteit')
    .description(both('cli.help.capaciteit'))
    .option('--json', both('cli.help.json'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (opts: { json?: boolean; lang?: string }) => {
      const { capaciteitCommand } = await import('./commands/acties.ts');
      c.exit(await capaciteitCommand(c.io, c.config(), opts, c.langOf(opts)));
    });

  program
    .command('agenda')
    .description(both('agenda.cli.help'))
    .option('--body <id>', both('agenda.cli.helpBody'))
    .option('--date <datum>', both('agenda.cli.helpDate'))
    .option('--punt <titel>', both('agendaItems.cli.helpPunt'))
    .option('--toelichting <tekst>', both('agendaItems.cli.helpNote'))
    .option('--json', both('cli.help.json'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (opts: import('./commands/agenda.ts').AgendaFlags) => {
      const { agendaCommand } = await import('./commands/agenda.ts');
      c.exit(await agendaCommand(c.io, c.config(), opts, c.langOf(opts)));
    });
}

/** `regiekamer tenant serve`: the local tenant on its own. */
function addTenantCommands(program: Command, c: CommandContext): void {
  const tenant = program.command('tenant').description(both('cli.help.tenant'));
  tenant
    .command('serve')
    .description(both('cli.help.tenantServe'))
    .option('--port <port>', both('cli.help.port'))
    .option('--http-port <port>', both('cli.help.httpPort'))
    .option('--reset', both('cli.help.reset'))
    .option('--latency <ms>', both('cli.help.latency'))
    .option('--faults <share>', both('cli.help.faults'))
    .option('--throttle <on|off>', both('cli.help.throttle'))
    .option('--seed <n>', both('cli.help.seed'))
    .option('--fault-role <gemeente:role>', both('cli.help.faultRole'), collect, [])
    .option('--fault-disabled <upn>', both('cli.help.faultDisabled'), collect, [])
    .option('--fault-direct-connect <gemeente:partner>', both('cli.help.faultDirectConnect'), collect, [])
    .option('--fault-mailbox <gemeente:mailbox>', both('cli.help.faultMailbox'), collect, [])
    .action(async (opts: import('./commands/tenant.ts').TenantServeFlags) => {
      const { tenantServeCommand } = await import('./commands/tenant.ts');
      c.exit(await tenantServeCommand(c.io, c.config(), opts));
    });
  tenant
    .command('accept <email>')
    .description(both('cli.help.tenantAccept'))
    .action(async (email: string) => {
      const { tenantAcceptCommand } = await import('./commands/tenant-accept.ts');
      c.exit(await tenantAcceptCommand(c.io, c.config(), email));
    });
}

/** `regiekamer controleer` (`check`): the pre-flight check of tenant mode. */
function addCheckCommand(program: Command, c: CommandContext): void {
  program
    .command('controleer')
    .alias('check')
    .description(both('controleer.help'))
    .option('--json', both('cli.help.json'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (opts: import('./commands/controleer.ts').ControleerFlags) => {
      const { controleerCommand } = await import('./commands/controleer.ts');
      c.exit(await controleerCommand(c.io, c.config(), opts, c.langOf(opts)));
    });
}

/** Commander's collector for a repeatable option. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `regiekamer persoon export | wis <id>`: one person's data under the AVG (docs/privacy.md). */
function addPersonCommands(program: Command, c: CommandContext): void {
  const persoon = program.command('persoon').description(both('cli.help.persoon'));
  persoon
    .command('export <id>')
    .description(both('cli.help.persoonExport'))
    .option('--out <file>', both('cli.help.persoonOut'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (id: string, opts: import('./commands/persoon.ts').PersoonFlags) => {
      const { persoonExportCommand } = await import('./commands/persoon.ts');
      c.exit(await persoonExportCommand(c.io, c.config(), id, opts, c.langOf(opts)));
    });
  persoon
    .command('wis <id>')
    .description(both('cli.help.persoonWis'))
    .option('--yes', both('cli.help.yes'))
    .option('--json', both('cli.help.json'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (id: string, opts: import('./commands/persoon.ts').PersoonFlags) => {
      const { persoonWisCommand } = await import('./commands/persoon.ts');
      c.exit(await persoonWisCommand(c.io, c.config(), id, opts, c.langOf(opts)));
    });
}

/** `regiekamer rapport`: the monthly voortgangsrapportage as .docx or .pdf (issue 16 §2). */
function addReportCommand(program: Command, c: CommandContext): void {
  program
    .command('rapport')
    .description(both('report.cli.help'))
    .option('--maand <JJJJ-MM>', both('report.cli.helpMaand'))
    .option('--out <file>', both('report.cli.helpOut'))
    .option('--variant <variant>', both('report.cli.helpVariant'))
    .option('--lang <lang>', both('cli.help.lang'))
    .action(async (opts: import('./commands/rapport.ts').RapportFlags) => {
      const { rapportCommand } = await import('./commands/rapport.ts');
      c.exit(await rapportCommand(c.io, c.config(), opts, c.langOf(opts)));
    });
}
