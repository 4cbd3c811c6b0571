// The `regiekamer` command line: parses arguments, maps errors to exit codes, never shows a stack trace.
import { Command, CommanderError } from 'commander';
import { parseLang, type Lang } from '../../domain/i18n.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';
import { EXIT, processIo, writeLine, type CliIo } from './io.ts';
import { validateCommand } from './commands/validate.ts';

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const langOf = (opts: { lang?: string }): Lang => parseLang(opts.lang ?? io.env.REGIEKAMER_LANG ?? io.env.LANG, 'nl');
  const config = () => loadConfig(io.env, io.cwd);

  const program = new Command('regiekamer')
    .description('Regiekamer: werkgroepen, overlegritmes en actielijsten van een veranderprogramma in Microsoft 365.\n'
      + 'Regiekamer: werkgroepen, meeting cadences and action lists of a change programme in Microsoft 365.')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .showHelpAfterError();

  program.command('validate')
    .description('Controleer een programmabestand / check a programme file')
    .argument('[file]', 'programmabestand (standaard: REGIEKAMER_PROGRAMME of programmes/blnp.yaml)')
    .option('--lang <lang>', 'taal van de meldingen: nl of en')
    .option('--json', 'uitvoer als JSON')
    .action(async (file: string | undefined, opts: { lang?: string; json?: boolean }) => {
      exitCode = await validateCommand(io, file ?? config().programmeFile, langOf(opts), opts.json === true);
    });

  program.command('schema')
    .description('Schrijf het JSON Schema van het programmabestand / write the JSON Schema of the programme file')
    .option('--out <file>', 'bestand om naar te schrijven (anders stdout)')
    .option('--reference', 'schrijf de Markdown-referentie in plaats van het JSON Schema')
    .action(async (opts: { out?: string; reference?: boolean }) => {
      const { schemaCommand } = await import('./commands/schema.ts');
      exitCode = await schemaCommand(io, opts.out, opts.reference === true);
    });

  program.command('start')
    .description('Start de lokale stack: opslag, programma, HTTP-server / start the local stack')
    .action(async () => {
      const { startCommand } = await import('./commands/start.ts');
      exitCode = await startCommand(io, config());
    });

  program.command('package')
    .description('Maak het Teams-app-pakket dist/regiekamer.zip / build the Teams app package')
    .option('--out <file>', 'doelbestand', 'dist/regiekamer.zip')
    .action(async (opts: { out: string }) => {
      const { packageCommand } = await import('./commands/package.ts');
      exitCode = await packageCommand(io, config(), opts.out);
    });

  for (const [mode, description] of [
    ['plan', 'Toon wat de synchronisatie zou wijzigen / show what a sync would change'],
    ['apply', 'Voer de wijzigingen door in de tenants / apply the changes to the tenants'],
    ['drift', 'Toon wat met de hand is gewijzigd / show what was changed by hand'],
  ] as const) {
    const cmd = program.command(mode).description(description)
      .option('--json', 'uitvoer als JSON / output as JSON')
      .option('--lang <lang>', 'taal: nl of en');
    if (mode === 'apply') cmd.option('--yes', 'niet om bevestiging vragen / do not ask for confirmation').option('--prune', 'verwijder ook wat niet in het bestand staat / also remove what the file does not have');
    cmd.action(async (opts: import('./commands/sync.ts').SyncFlags) => {
      const { syncCommand } = await import('./commands/sync.ts');
      exitCode = await syncCommand(io, config(), mode, opts, langOf(opts));
    });
  }

  program.command('acties')
    .description('De actielijsten van de werkgroepen / the werkgroepen\'s action lists')
    .option('--werkgroep <id>', 'alleen deze werkgroep')
    .option('--mine <persoon>', 'alleen acties van deze persoon (id)')
    .option('--overdue', 'alleen acties die te laat zijn')
    .option('--wijzig <id>', 'wijzig deze actie (met --status, --titel, --deadline)')
    .option('--status <status>', 'open, loopt, wacht of gereed')
    .option('--titel <titel>', 'nieuwe titel')
    .option('--deadline <datum>', 'JJJJ-MM-DD, of geen')
    .option('--json', 'uitvoer als JSON / output as JSON')
    .option('--lang <lang>', 'taal: nl of en')
    .action(async (opts: import('./commands/acties.ts').ActiesFlags) => {
      const { actiesCommand } = await import('./commands/acties.ts');
      exitCode = await actiesCommand(io, config(), opts, langOf(opts));
    });

  program.command('besluiten')
    .description('De besluitenlijst met doorlooptijden / the decision log with lead times')
    .option('--json', 'uitvoer als JSON / output as JSON')
    .option('--lang <lang>', 'taal: nl of en')
    .action(async (opts: { json?: boolean; lang?: string }) => {
      const { besluitenCommand } = await import('./commands/acties.ts');
      exitCode = await besluitenCommand(io, config(), opts, langOf(opts));
    });

  program.command('herinneringen')
    .alias('remind')
    .argument('<bijeenkomst>', 'de bijeenkomst: <cadans>:<JJJJ-MM-DD>, bv. regiegroep:2026-12-08 / the meeting')
    .description('Ontwikkelen: verstuur het herinneringsritme van één bijeenkomst nu / dev: send one meeting\'s reminder rhythm now')
    .option('--json', 'uitvoer als JSON / output as JSON')
    .option('--lang <lang>', 'taal: nl of en')
    .action(async (bijeenkomst: string, opts: { json?: boolean; lang?: string }) => {
      const { herinneringenCommand } = await import('./commands/acties.ts');
      exitCode = await herinneringenCommand(io, config(), bijeenkomst, opts, langOf(opts));
    });

  program.command('capaciteit')
    .description('Wie draagt wat, tegen de beschikbare uren / who carries what, against the hours they have')
    .option('--json', 'uitvoer als JSON / output as JSON')
    .option('--lang <lang>', 'taal: nl of en')
    .action(async (opts: { json?: boolean; lang?: string }) => {
      const { capaciteitCommand } = await import('./commands/acties.ts');
      exitCode = await capaciteitCommand(io, config(), opts, langOf(opts));
    });

  const tenant = program.command('tenant')
    .description('De lokale tenant: Graph, identiteit en Bot Connector op deze machine / the local tenant');
  tenant.command('serve')
    .description('Start de lokale tenant, gevuld uit het programmabestand / start the local tenant, seeded from the programme')
    .option('--port <port>', 'HTTPS-poort (standaard LOCAL_TENANT_PORT of 4443)')
    .option('--http-port <port>', 'HTTP-poort (standaard LOCAL_TENANT_HTTP_PORT of 4080)')
    .option('--reset', 'begin met een lege toestand / start clean')
    .option('--latency <ms>', 'extra vertraging per verzoek in ms / added latency per request')
    .option('--faults <share>', 'aandeel 429- en 503-antwoorden, bv. 0.2 / share of 429 and 503 answers')
    .option('--throttle <on|off>', 'gedocumenteerde limieten aan of uit / documented limits on or off')
    .option('--seed <n>', 'seed voor reproduceerbare storingen / seed for reproducible faults')
    .action(async (opts: import('./commands/tenant.ts').TenantServeFlags) => {
      const { tenantServeCommand } = await import('./commands/tenant.ts');
      exitCode = await tenantServeCommand(io, config(), opts);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.invalid;
    }
    if (err instanceof ConfigError) {
      writeLine(io.stderr, err.message);
      return EXIT.invalid;
    }
    const message = err instanceof Error ? err.message : String(err);
    writeLine(io.stderr, `regiekamer: onverwachte fout / unexpected error: ${message}`);
    return EXIT.failure;
  }
}
