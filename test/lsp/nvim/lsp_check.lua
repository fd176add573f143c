-- Headless Neovim 0.7 LSP client script: opens a file, attaches the consistency server, waits for
-- diagnostics, asks for a hover, prints both in a line-oriented form the node test parses, quits 0/1.
local server, file, line, col = _G.arg_server, _G.arg_file, tonumber(_G.arg_line), tonumber(_G.arg_col)
local function out(s) io.stdout:write(s .. "\n") end
vim.cmd('edit ' .. file)
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'consistency'
local client_id = vim.lsp.start_client({
  name = 'consistency',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
vim.lsp.buf_attach_client(bufnr, client_id)
local ready = vim.wait(15000, function()
  local c = vim.lsp.get_client_by_id(client_id)
  return c ~= nil and c.initialized
end, 20)
local got = ready and vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  out(string.format('DIAG %d:%d %s %s', d.lnum, d.col, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message))
end
local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
  { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }, 15000)
local hover
for _, r in pairs(res or {}) do if r.result then hover = r.result.contents end end
if hover and hover.value then
  for l in string.gmatch(hover.value, '[^\n]+') do out('HOVER ' .. l) end
end
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd((got and hover ~= nil) and 'qa!' or 'cq!')
