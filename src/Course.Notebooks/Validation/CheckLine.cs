namespace Course.Notebooks.Validation;

/// <summary>One check of a check cell's report, read from its plain text (see <see cref="CheckReportText"/>).</summary>
/// <param name="Id">The check's id, or its title when the report does not name ids.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="NotImplemented">Whether it failed because the exercise is still a stub.</param>
/// <param name="Message">Why it failed; empty when it passed.</param>
public sealed record CheckLine(string Id, bool Passed, bool NotImplemented, string Message);
