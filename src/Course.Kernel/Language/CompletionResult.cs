namespace Course.Kernel.Language;

/// <summary>The completions at a cursor, and the span of the code they replace.</summary>
/// <param name="Matches">The completions, sorted by name (case-insensitively).</param>
/// <param name="Start">Where the replaced span starts (UTF-16 index): the start of the word being typed.</param>
/// <param name="End">Where it ends (UTF-16 index): the cursor.</param>
public sealed record CompletionResult(IReadOnlyList<CompletionMatch> Matches, int Start, int End);
