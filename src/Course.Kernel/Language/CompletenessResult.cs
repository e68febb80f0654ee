namespace Course.Kernel.Language;

/// <summary>Whether code typed into a console is ready to run, as Jupyter's <c>is_complete_reply</c> reports it.</summary>
/// <param name="Status"><c>complete</c>, <c>incomplete</c> (more lines are expected) or <c>invalid</c> (no continuation can fix it).</param>
/// <param name="Indent">For <c>incomplete</c>, the indentation the next line should start with; otherwise empty.</param>
public sealed record CompletenessResult(string Status, string Indent);
