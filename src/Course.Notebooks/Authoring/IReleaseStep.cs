using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// One step of turning an instructor source into a student notebook, as nbgrader's preprocessors are: small,
/// named, testable alone, and composed in order by a <see cref="ReleasePipeline"/>.
/// </summary>
public interface IReleaseStep
{
    /// <summary>The step's name, as the release summary shows it (e.g. <c>ClearSolutions</c>).</summary>
    string Name { get; }

    /// <summary>Changes the notebook in place.</summary>
    /// <param name="notebook">The notebook being released (a copy of the source, never the source itself).</param>
    /// <param name="context">Where the notebook came from, for messages.</param>
    /// <returns>How many things the step changed (regions, cells), for the summary.</returns>
    /// <exception cref="ReleaseException">The notebook cannot be released; the message names the file and cell.</exception>
    int Apply(Notebook notebook, ReleaseContext context);
}
