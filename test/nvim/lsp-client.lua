-- Headless Neovim 0.7.2 as an independent LSP client of lync-topology-server.
-- Environment: LT_SERVER (bin/lync-topology-server.js), LT_FILE (a copy of the topology file to edit).
-- Prints one line per check; exit code 0 = every check passed, 1 = a check failed, 2 = Lua error.
local SERVER = assert(os.getenv('LT_SERVER'))
local FILE = assert(os.getenv('LT_FILE'))
local TIMEOUT = 10000

local failed = false
local function check(name, ok, detail)
  io.stdout:write(string.format('%s %s %s\n', ok and 'PASS' or 'FAIL', name, detail and vim.inspect(detail, { newline = ' ', indent = '' }) or ''))
  if not ok then failed = true end
end

local function finish(code)
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
  vim.cmd('cquit ' .. code)
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  local raw = {}
  local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
    raw[res.uri] = res.diagnostics
    return publish(err, res, ctx, cfg)
  end

  local client_id = vim.lsp.start_client({ name = 'lync-topology', cmd = { 'node', SERVER, '--stdio' }, root_dir = vim.fn.fnamemodify(FILE, ':h') })
  check('start', client_id ~= nil)
  if not client_id then return finish(1) end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client
  local ready = vim.wait(TIMEOUT, function() client = vim.lsp.get_client_by_id(client_id); return client and client.initialized end, 10)
  check('initialized', ready)
  if not ready then return finish(1) end

  -- 1. pushed diagnostics arrive, with their codes
  local uri = vim.uri_from_bufnr(bufnr)
  local arrived = vim.wait(TIMEOUT, function() return raw[uri] ~= nil and #raw[uri] > 0 end, 10)
  local codes = vim.tbl_map(function(d) return d.code end, raw[uri] or {})
  check('diagnostics', arrived and vim.tbl_contains(codes, 'LT402'), { codes = codes })

  -- 2. completion inside the hosting provider, in the indentation before its first key (line 7)
  vim.api.nvim_win_set_cursor(0, { 7, 2 })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local response = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, TIMEOUT)
  local items = (response and response[client_id] and response[client_id].result) or {}
  items = items.items or items
  local labels = vim.tbl_map(function(i) return i.label end, items)
  check('completion', vim.tbl_contains(labels, 'SipClientPort') and not vim.tbl_contains(labels, 'Identity'), { labels = labels })

  -- 3. the preferred quick fix of the LT402 finding, applied
  local target = vim.tbl_filter(function(d) return d.code == 'LT402' end, raw[uri] or {})
  local actions_response = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = target[1].range,
    context = { diagnostics = target, only = { 'quickfix' } },
  }, TIMEOUT)
  local actions = (actions_response and actions_response[client_id] and actions_response[client_id].result) or {}
  local preferred = vim.tbl_filter(function(a) return a.isPreferred end, actions)
  check('code action', #preferred == 1, { titles = vim.tbl_map(function(a) return a.title end, actions) })
  if #preferred ~= 1 then return finish(1) end
  vim.lsp.util.apply_workspace_edit(preferred[1].edit, client.offset_encoding)

  -- 4. the server hears the edit and the file becomes clean
  local clean = vim.wait(TIMEOUT, function() return raw[uri] ~= nil and #raw[uri] == 0 end, 10)
  check('clean after the fix', clean, { left = vim.tbl_map(function(d) return d.code end, raw[uri] or {}) })
  vim.cmd('silent write')
  local written = table.concat(vim.fn.readfile(FILE), '\n')
  check('fix written', written:find('"IsLocal": false', 1, true) ~= nil)

  return finish(failed and 1 or 0)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  io.stdout:write('LUA ERROR: ', tostring(err), '\n')
  pcall(finish, 2)
  vim.cmd('cquit 2')
end
