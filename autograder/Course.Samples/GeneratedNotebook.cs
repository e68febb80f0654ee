using Course.Notebooks.Model;

namespace Course.Samples;

/// <summary>One notebook of a sample, built but not yet written.</summary>
/// <param name="FileName">Its file name, the released notebook's (e.g. <c>03-dataloader.ipynb</c>).</param>
/// <param name="Notebook">The notebook.</param>
public sealed record GeneratedNotebook(string FileName, Notebook Notebook);
