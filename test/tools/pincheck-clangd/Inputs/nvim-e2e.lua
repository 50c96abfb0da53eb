-- Neovim's built-in LSP client against pincheck-clangd, headless: opens
-- $E2E_FILE, waits for pincheck's diagnostics, prints every diagnostic of
-- the buffer to $E2E_REPORT, applies the preferred quick fix at the first
-- pincheck finding, and writes the buffer to $E2E_FIXED.
-- Run as: nvim --headless -n -i NONE -u nvim-e2e.lua
-- Any error ends Neovim with status 1 (an error in an init file would
-- otherwise leave it waiting).

local function run()
vim.lsp.set_log_level("ERROR")

local file = os.getenv("E2E_FILE")
local report = {}
local function say(line)
  table.insert(report, line)
end
local function finish(status)
  vim.fn.writefile(report, os.getenv("E2E_REPORT"))
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.cmd(status == 0 and "qall!" or "cquit! " .. status)
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "pincheck-clangd",
  cmd = { os.getenv("PINCHECK_CLANGD"), "--clangd=" .. os.getenv("CLANGD") },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
})
vim.lsp.buf_attach_client(buf, client_id)

local function pincheck_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "pincheck" then
      table.insert(found, d)
    end
  end
  table.sort(found, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.code < b.code)
  end)
  return found
end

if not vim.wait(60000, function() return #pincheck_diagnostics() > 0 end, 50) then
  say("no pincheck diagnostics")
  finish(1)
  return
end
local found = pincheck_diagnostics()
for _, d in ipairs(found) do
  say(string.format("%s %s %d:%d-%d:%d [%s] %s", d.source,
    vim.diagnostic.severity[d.severity], d.lnum, d.col, d.end_lnum,
    d.end_col, d.code, d.message))
end

-- The quick fixes at the first finding, as `vim.lsp.buf.code_action()`
-- would request them; the preferred one is applied.
local first = found[1]
local client = vim.lsp.get_client_by_id(client_id)
local params = {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  range = {
    start = { line = first.lnum, character = first.col },
    ["end"] = { line = first.end_lnum, character = first.end_col },
  },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, first.lnum) },
}
local replies = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 30000)
local applied = false
for _, reply in pairs(replies or {}) do
  for _, action in ipairs(reply.result or {}) do
    say(string.format("action [%s] %s preferred=%s", tostring(action.kind),
      action.title, tostring(action.isPreferred)))
    if action.isPreferred and action.edit and not applied then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      applied = true
    end
  end
end
say("applied: " .. tostring(applied))
vim.cmd("write! " .. vim.fn.fnameescape(os.getenv("E2E_FIXED")))
finish(0)
end

local ok, err = pcall(run)
if not ok then
  vim.fn.writefile({ "error: " .. tostring(err) }, os.getenv("E2E_REPORT"))
  vim.cmd("cquit! 1")
end
