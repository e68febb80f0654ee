namespace Course.Notebooks.Execution;

/// <summary>One notebook to run and where its executed copy goes.</summary>
/// <param name="Input">The notebook, as given on the command line; never written.</param>
/// <param name="Output">The executed copy, <c>NAME.ipynb</c> in the output folder.</param>
public sealed record ExecutedCopy(string Input, string Output);
