// Markdown import: parses the rows of hand-kept markdown lists (table rows
// and bullet items) into paper records.
#pragma once

namespace papersite {}  // namespace papersite
