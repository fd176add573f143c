// A second real LSP client: Neovim's built-in client (Debian's neovim 0.7), headless, talks to the built
// server over stdio and must see the same diagnostics and hover as the core computes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/pipeline';
import { LineIndex } from '../../server/src/core/util/range';
import { bundle } from '../helpers/bundle';

const policy = `topology india {
  region mumbai { replicas 3 primary }
  region delhi  { replicas 2 }
  link mumbai <-> delhi 45ms
}
data account_balance {
  topology india
  category financial
  consistency strong
  conflict last_writer_wins
  latency write p99 <= 20ms
}
`;

const hasNvim = spawnSync('nvim', ['--version']).status === 0;
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'consistency-nvim-'));
  writeFileSync(join(dir, 'bank.consistency'), policy);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test(
  'Neovim gets the diagnostics and the hover from the server',
  { skip: !hasNvim && 'nvim is not installed (.ci/run installs it)' },
  () => {
    const file = join(dir, 'bank.consistency');
    const xdg = join(dir, 'xdg');
    const lua = `lua _G.arg_server=${JSON.stringify(bundle('server'))} _G.arg_file=${JSON.stringify(file)} _G.arg_line='5' _G.arg_col='7'`;
    const r = spawnSync(
      'nvim',
      ['--headless', '--clean', '-c', lua, '-c', `luafile ${resolve('test/lsp/nvim/lsp_check.lua')}`],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          HOME: dir,
          XDG_CONFIG_HOME: xdg,
          XDG_DATA_HOME: xdg,
          XDG_STATE_HOME: xdg,
          XDG_CACHE_HOME: xdg,
        },
      },
    );
    const lines = `${r.stdout}${r.stderr}`.split(/\r?\n/);
    assert.equal(r.status, 0, lines.join('\n'));

    // The same diagnostics the core reports, at the same 0-based positions.
    const uri = pathToFileURL(file).href;
    const idx = new LineIndex(policy);
    const expected = analyze([{ uri, text: policy }]).diagnostics.map((d) => {
      const p = idx.position(d.range.start);
      return `DIAG ${p.line}:${p.character} ${d.code} ${d.message.split('\n')[0]}`;
    });
    assert.ok(expected.length >= 2, 'the policy has contradictions');
    const seen = lines.filter((l) => l.startsWith('DIAG ')).map((l) => l.split('\n')[0]);
    assert.deepEqual([...seen].sort(), [...expected].sort());

    // Hover on `account_balance`: the estimate, with the profile named.
    const hover = lines.filter((l) => l.startsWith('HOVER ')).join('\n');
    assert.match(hover, /account_balance/);
    assert.match(hover, /p99/);
    assert.match(hover, /india-2024/);
  },
);
