/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import type { Locator, Page } from 'playwright-core';
import { analyze } from '../server/src/core';
import { launchChromium, MISTAKES as MISTAKES_FILE, prepareRun, ROOT, startCodeServer, type PreparedRun } from './codeServer';

/**
 * What an administrator sees: the packaged extension in code-server, used with mouse and keyboard in
 * Chromium, every step asserted on the screen and saved as a screenshot. `--update-docs` copies the
 * README's screenshots to docs/images/.
 */
const TIMEOUT = 30_000;
const MISTAKES = basename(MISTAKES_FILE);
const VOICE_MAIL = 'exchange-online.lync.jsonc';
const README_SHOTS: Record<string, string> = { hover: 'squiggles-and-hover.png', 'quick-fix': 'quick-fix.png', preview: 'cmdlets-preview.png', 'plan-preview': 'plan-preview.png' };
const DEPLOYED = 'deployed.lync.jsonc';

/** The Exchange Online example as a deployment a few changes away from it, for the plan preview. */
function deployedVersion(example: string): string {
  const changes: [(string | number)[], unknown, boolean?][] = [
    [['HostingProviders', 0, 'ProxyFqdn'], 'exap.um.outlook.cn'],
    [['BlockedDomains', 1], { Identity: 'spam.example' }, true],
    [['HostedVoicemailPolicies', 1, 'Description'], 'Redmond'],
    [['Users', 0, 'HostedVoiceMail'], false],
  ];
  let text = example;
  for (const [path, value, isArrayInsertion] of changes) text = applyEdits(text, modify(text, path, value, { isArrayInsertion, formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  return text;
}

export interface Outcome {
  readonly step: string;
  readonly ok: boolean;
  readonly detail?: string;
}

const normalize = (text: string) => text.replace(/\u00a0/g, ' ');

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly shots: string,
  ) {}

  active = '.editor-group-container.active';

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(this.shots, `${name}.png`) });
  }

  /**
   * Waits, polling each frame, until the element is fully shown and still: no animation running in it,
   * nothing around it see-through, and the same place and size as at the frame before.
   */
  async settled(target: Locator): Promise<void> {
    const element = await target.elementHandle();
    // The predicate runs in the page at each frame with the same arguments: `before` keeps the last place.
    await this.page.waitForFunction(
      ([shown, before]) => {
        const place = JSON.stringify(shown!.getBoundingClientRect());
        const still = place === before.place;
        before.place = place;
        if (!still || shown!.getAnimations({ subtree: true }).some((a) => a.playState === 'running')) return false;
        for (let e: Element | null = shown; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
        return true;
      },
      [element, { place: '' }] as [typeof element, { place: string }],
    );
  }

  async open(file: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().click();
    await this.page.locator('.tabs-container .tab', { hasText: file }).first().waitFor();
    await this.page.locator(`${this.active} .monaco-editor .view-lines .view-line`).first().waitFor();
  }

  async lines(group = this.active): Promise<string[]> {
    return (await this.page.locator(`${group} .monaco-editor .view-lines .view-line`).allInnerTexts()).map(normalize);
  }

  /** Puts the cursor at the end of a line with Go to Line. */
  async endOfLine(line: number): Promise<void> {
    await this.page.keyboard.press('Control+KeyG');
    await this.page.locator('.quick-input-widget .quick-input-box input').fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('End');
  }

  async palette(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget .quick-input-box input').fill(`>${title}`);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * The labels of the completion list, opened with Ctrl+Space until it offers `label`. A quote is a trigger
   * character, and a Ctrl+Space pressed while its request settles can be lost: close whatever list it
   * opened and ask again, a few times, each with its own deadline.
   */
  async suggestions(label: string): Promise<string[]> {
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    const offered = rows.filter({ hasText: label }).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
      await this.page.keyboard.press('Control+Space');
      const shown = await offered.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 3) throw new Error('Ctrl+Space showed no list three times');
    }
    return (await rows.allInnerTexts()).map((r) => normalize(r).split('\n')[0].trim());
  }

  /** Undoes the edits of the active file, and waits until no tab is left unsaved. */
  async revert(): Promise<void> {
    await this.palette('File: Revert File');
    await this.page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached' });
  }

  async count(selector: string): Promise<number> {
    return this.page.locator(selector).count();
  }
}

async function walkThrough(ui: Workbench, outcomes: Outcome[]): Promise<void> {
  const { page } = ui;
  const step = async (name: string, action: () => Promise<string | void>) => {
    try {
      const detail = await action();
      outcomes.push({ step: name, ok: true, detail: detail ?? undefined });
    } catch (error) {
      outcomes.push({ step: name, ok: false, detail: String(error instanceof Error ? error.message : error).split('\n')[0] });
      await ui.shot(`failed-${name}`).catch(() => undefined);
    }
    console.log(`${outcomes[outcomes.length - 1].ok ? 'PASS' : 'FAIL'} ${name}${outcomes[outcomes.length - 1].detail ? `: ${outcomes[outcomes.length - 1].detail}` : ''}`);
  };

  await step('squiggles and the Problems panel', async () => {
    await ui.open(MISTAKES);
    await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .squiggly-error').length > 0 && document.querySelectorAll('.editor-group-container.active .squiggly-warning').length > 0);
    const expected = analyze(readFileSync(join(ROOT, MISTAKES_FILE), 'utf8')).diagnostics.map((d) => d.code);
    await page.keyboard.press('Control+Shift+KeyM');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await page.waitForFunction((n) => [...document.querySelectorAll('.markers-panel .monaco-list-row')].filter((r) => /LT\d{3}/.test(r.textContent ?? '')).length === n, expected.length, { timeout: TIMEOUT });
    const codes = (await rows.allInnerTexts()).map((r) => /LT\d{3}/.exec(r)?.[0]).filter(Boolean).sort();
    if (JSON.stringify(codes) !== JSON.stringify([...expected].sort())) throw new Error(`Problems lists ${codes.join(' ')}, expected ${expected.join(' ')}`);
    await ui.shot('1-squiggles-problems');
    await page.keyboard.press('Control+KeyJ');
    return `${expected.length} problems, each with its code`;
  });

  await step('hover', async () => {
    // The value under the LT101 squiggle: its hover gives the finding and the parameter's documentation.
    const line = page.locator(`${ui.active} .view-line`, { hasText: '"AllowFederatedUsers": "True"' }).first();
    await line.locator('span span', { hasText: /^"True"$/ }).first().hover();
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Set-CsAccessEdgeConfiguration' }).first();
    await hover.waitFor();
    const text = normalize(await hover.innerText());
    for (const part of ['LT101', 'AllowFederatedUsers', 'federated domains', 'Boolean']) if (!text.includes(part)) throw new Error(`the hover lacks ${part}: ${text}`);
    await ui.settled(hover);
    await ui.shot('hover');
  });

  await step('quick-fix', async () => {
    await page.mouse.move(5, 5);
    await ui.endOfLine(20);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const errorsBefore = await ui.count(`${ui.active} .squiggly-error`);
    await page.keyboard.press('Control+Period');
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Change to false' }).first().waitFor();
    for (let i = 0; i < 10 && !/Change to false/.test(await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '')); i++) await page.keyboard.press('ArrowDown');
    await ui.settled(page.locator('.action-widget').first());
    await ui.shot('quick-fix');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .view-line')].some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes('"HostsOCSUsers": false,')));
    await page.waitForFunction((before) => document.querySelectorAll('.editor-group-container.active .squiggly-error').length < before, errorsBefore, { timeout: TIMEOUT });
  });

  await step('completion in a hosting provider', async () => {
    await ui.endOfLine(29);
    await page.keyboard.press('Enter');
    // Both quotes, then back between them: the same text whether or not the editor closes the quote itself.
    await page.keyboard.type('""');
    await page.keyboard.press('ArrowLeft');
    const labels = await ui.suggestions('AutodiscoverUrl');
    if (labels.some((l) => /^(Identity|Enabled|ProxyFqdn)$/.test(l))) throw new Error(`offers parameters the provider has: ${labels.join(', ')}`);
    await ui.shot('completion');
    await page.keyboard.type('Autod');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .view-line')].some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes('"AutodiscoverUrl": ""')));
    return labels.slice(0, 6).join(', ');
  });

  await step('completion and quick fix in a user', async () => {
    await page.keyboard.press('Escape');
    await ui.revert();
    await ui.open(VOICE_MAIL);
    const line = readFileSync(join(ROOT, 'examples', VOICE_MAIL), 'utf8').split('\n').findIndex((l) => l.includes('"sip:pilar@contoso.com"')) + 1;
    await ui.endOfLine(line);
    // From the end of `..., "HostedVoiceMail": true },` back to just after `true`.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(', ""');
    await page.keyboard.press('ArrowLeft');
    const labels = await ui.suggestions('HostedVoicemailPolicy');
    if (labels.some((l) => /^(Identity|HostedVoiceMail)$/.test(l))) throw new Error(`offers keys the user has: ${labels.join(', ')}`);
    await page.keyboard.type('HostedVoicemailP');
    await page.keyboard.press('Enter');
    const lineHas = (text: string) =>
      page.waitForFunction((t) => [...document.querySelectorAll('.editor-group-container.active .view-line')].some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(t)), text);
    await lineHas('"HostedVoiceMail": true, "HostedVoicemailPolicy": "" }');
    // The cursor is in the new value: a grant written with tag: is information (LT708) whose quick fix drops the prefix.
    await page.keyboard.press('Escape');
    const infoBefore = await ui.count(`${ui.active} .squiggly-info`);
    await page.keyboard.type('tag:ExRedmond');
    await page.waitForFunction((before) => document.querySelectorAll('.editor-group-container.active .squiggly-info').length > before, infoBefore, { timeout: TIMEOUT });
    await page.keyboard.press('Control+Period');
    await page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'ExRedmond'" }).first().waitFor();
    for (let i = 0; i < 10 && !/Change to 'ExRedmond'/.test(await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '')); i++) await page.keyboard.press('ArrowDown');
    await ui.shot('new-section-quick-fix');
    await page.keyboard.press('Enter');
    await lineHas('"HostedVoicemailPolicy": "ExRedmond" }');
    await page.waitForFunction((before) => document.querySelectorAll('.editor-group-container.active .squiggly-info').length === before, infoBefore, { timeout: TIMEOUT });
    if ((await ui.count(`${ui.active} .squiggly-error`)) > 0) throw new Error('the grant of ExRedmond is an error');
    await ui.revert();
    return labels.slice(0, 4).join(', ');
  });

  await step('preview', async () => {
    await page.keyboard.press('Escape');
    // The picture shows the examples as they ship: the edits above are undone.
    await ui.revert();
    await ui.open('cross-premises.lync.jsonc');
    await ui.palette('Lync Topology: Open Cmdlets Preview to the Side');
    const preview = page.locator('.editor-group-container', { has: page.locator('.tab', { hasText: 'cross-premises.ps1' }) });
    await preview.locator('.view-line', { hasText: 'Set-CsAccessEdgeConfiguration' }).first().waitFor();
    if ((await ui.count('.editor-group-container')) < 2) throw new Error('the preview is not in a second editor group');
    // Tokenizing is asynchronous: wait for the cmdlet, a parameter and a string to take colours of their own.
    await page.waitForFunction(() => {
      const line = [...document.querySelectorAll('.editor-group-container .view-line')].find((l) => (l.textContent ?? '').startsWith('New-CsHostingProvider'));
      return line !== undefined && new Set([...line.querySelectorAll('span span')].map((s) => s.className)).size >= 3;
    });
    await ui.settled(preview.locator('.view-lines').first());
    await ui.shot('preview');
    const source = page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: 'cross-premises.lync.jsonc' }) });
    await source.locator('.view-lines').first().click();
    await ui.endOfLine(22);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('x');
    const typed = Date.now();
    await preview.locator('.view-line', { hasText: "'proxyserver.fabrikam.comx'" }).first().waitFor({ timeout: 1000 });
    const followed = Date.now() - typed;
    await preview.locator('.view-lines').first().click();
    await page.keyboard.type('XYZ');
    await page.locator('.monaco-editor-overlaymessage', { hasText: 'read-only' }).first().waitFor();
    if ((await ui.lines('.editor-group-container:has(.tab.active:has-text("cross-premises.ps1"))')).join('\n').includes('XYZ')) throw new Error('typing changed the preview');
    await ui.shot('preview-read-only');
    return `followed the edit in ${followed} ms; read-only`;
  });

  await step('plan preview', async () => {
    await page.keyboard.press('Escape');
    // One editor group, so that the picture has the file and its plan side by side; the earlier steps' unsaved
    // edits stay, for the checks that run after the walk-through.
    await ui.palette('View: Single Column Editor Layout');
    await ui.open(VOICE_MAIL);
    await ui.palette('Lync Topology: Preview Changes Against...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'A deployed topology file' }).first().waitFor();
    await page.keyboard.press('Enter');
    // The open dialog lists the workspace folder: pick the deployed file from it.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: DEPLOYED }).first().click();
    const plan = page.locator('.editor-group-container', { has: page.locator('.tab', { hasText: 'exchange-online changes.ps1' }) });
    await plan.locator('.view-line', { hasText: "Set-CsUser -Identity 'sip:kenmyer@contoso.com' -HostedVoiceMail $True" }).first().waitFor();
    const lines = (await plan.locator('.view-line').allInnerTexts()).map(normalize).filter((l) => /^[A-Z][a-z]+-Cs/.test(l));
    await ui.shot('plan-preview');
    return lines.map((l) => l.split(' ')[0]).join(', ');
  });

  await step('new topology file', async () => {
    await ui.palette('Lync Topology: New Topology File');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'CrossPremises' }).first().waitFor();
    await page.locator('.quick-input-widget .quick-input-box input').fill('CrossPremises');
    await page.keyboard.press('Enter');
    await page.locator(`${ui.active} .view-line`, { hasText: '"Mode": "CrossPremises"' }).first().waitFor();
    await ui.shot('new-file');
  });

  await step('language status', async () => {
    const status = page.locator('[id="status.languageStatus"]').first();
    await status.waitFor();
    await status.hover();
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Lync Topology' }).first();
    await hover.waitFor();
    const text = normalize(await hover.innerText());
    if (/server stopped|starting/.test(text)) throw new Error(text);
    await ui.shot('language-status');
    return text.replace(/\s+/g, ' ').slice(0, 80);
  });
}

/** Errors that the extension host or the language server logged about this extension. */
function loggedErrors(userDataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/exthost.*\.log$|Lync Topology\.log$/.test(name)) {
        for (const line of readFileSync(path, 'utf8').split('\n')) if (/\[error\]/.test(line) && /lync|Lync/.test(line + name)) found.push(`${name}: ${line}`);
      }
    }
  };
  walk(join(userDataDir, 'logs'));
  return found;
}

/** A variant of the run: scripts/test-web.ts walks through the same steps with the extension in the browser. */
export interface Variant {
  readonly name: string;
  /** Settings added to the workbench's. */
  readonly settings?: Record<string, unknown>;
  /** Set up before the workbench opens; the checks it returns run after the walk-through, while the page is still open. */
  readonly prepare?: (page: Page, run: PreparedRun) => (ui: Workbench) => Promise<Outcome[]>;
}

export async function main(variant: Variant = { name: 'ui' }): Promise<number> {
  const run = prepareRun(variant.name, variant.settings);
  const shots = join(run.dir, 'screenshots');
  mkdirSync(shots);
  writeFileSync(join(run.workspace, DEPLOYED), deployedVersion(readFileSync(join(run.workspace, VOICE_MAIL), 'utf8')));
  const server = await startCodeServer(run.entry, run.profile, run.workspace, join(run.dir, 'code-server.log'));
  const browser = await launchChromium();
  const outcomes: Outcome[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1680, height: 860 } });
    page.setDefaultTimeout(TIMEOUT);
    const check = variant.prepare?.(page, run);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(run.workspace)}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    const ui = new Workbench(page, shots);
    await walkThrough(ui, outcomes);
    if (check) outcomes.push(...(await check(ui)));
  } finally {
    await browser.close();
    await server.stop();
  }
  const errors = loggedErrors(run.profile.userDataDir);
  outcomes.push({ step: 'no errors in the extension host log', ok: errors.length === 0, detail: errors.slice(0, 3).join(' | ') || undefined });
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length === 0 && process.argv.includes('--update-docs')) {
    mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
    for (const [shot, target] of Object.entries(README_SHOTS)) copyFileSync(join(shots, `${shot}.png`), join(ROOT, 'docs', 'images', target));
    console.log('docs/images/ refreshed');
  }
  console.log(`${outcomes.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0) console.log(`screenshots and logs: ${run.dir}`);
  return failed.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
