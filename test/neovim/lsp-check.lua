-- Run by test/neovim/run.mjs inside `nvim --headless`: starts calcinosis-notes-server with
-- Neovim's built-in LSP client on the opened note, waits for its diagnostics, asks for two
-- hovers, writes what it got as JSON to $CALCINOSIS_RESULT, and quits.
-- Works with Neovim 0.7 (Debian 12) and newer: vim.lsp.start exists only from 0.8.
local result_path = assert(os.getenv('CALCINOSIS_RESULT'), 'CALCINOSIS_RESULT is not set')
local server = assert(os.getenv('CALCINOSIS_SERVER'), 'CALCINOSIS_SERVER is not set')
local deadline = tonumber(os.getenv('CALCINOSIS_DEADLINE_MS') or '60000')
local result = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }

local function write_result()
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

--- 0-based line and character of `text` (within `line_containing`) in the buffer.
local function position_of(bufnr, line_containing, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local at = line:find(line_containing, 1, true)
    if at then
      local col = line:find(text, at, true)
      -- The note is ASCII up to here, so bytes and UTF-16 code units agree.
      return { line = i - 1, character = col } -- one character into the text: inside it, not on its edge
    end
  end
  error('not in the note: ' .. line_containing)
end

local function hover(bufnr, line_containing, text)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = position_of(bufnr, line_containing, text) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, deadline)
  for _, response in pairs(responses or {}) do
    if response.result and response.result.contents then
      local contents = response.result.contents
      if type(contents) == 'table' and contents.value then return contents.value end
      return vim.fn.json_encode(contents)
    end
    if response.err then return 'error: ' .. vim.inspect(response.err) end
  end
  return nil
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = 'calcinosis-notes',
    cmd = { server, '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h'),
    settings = { calcinosisNotes = { preferredUnits = 'conventional' } },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  result.attached = vim.wait(deadline, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 50)
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_name = client and client.server_capabilities and client.name
  result.hover_provider = client and client.server_capabilities and client.server_capabilities.hoverProvider or false

  vim.wait(deadline, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      line = d.lnum, col = d.col, severity = d.severity, message = d.message,
      code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code,
      source = d.source,
    })
  end
  result.term_hover = hover(bufnr, 'follow-up: calcinosis cutis', 'calcinosis cutis')
  result.lab_hover = hover(bufnr, 'Ca 10.8 mg/dL', '10.8')
end)
if not ok then result.error = tostring(err) end
write_result()
vim.cmd('qall!')
