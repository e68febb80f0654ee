namespace Course.Kernel.Language;

/// <summary>One completion: the text to insert and what kind of thing it names.</summary>
/// <param name="Text">The name, e.g. <c>WriteLine</c>.</param>
/// <param name="Kind">JupyterLab's type label: <c>method</c>, <c>property</c>, <c>field</c>, <c>variable</c>, <c>class</c>, <c>keyword</c>, …</param>
public sealed record CompletionMatch(string Text, string Kind);
