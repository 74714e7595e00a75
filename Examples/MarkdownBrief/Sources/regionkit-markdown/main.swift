import MarkdownBrief
import RegionKitCLI
import RegionKitFormats

// A `regionkit` with every built-in format and the Markdown brief.
RegionKitCLI.main(formats: FormatRegistry.builtIn.formats + [MarkdownBriefFormat()])
