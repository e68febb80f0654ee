using System.Text.Json;

namespace Course.Specs.Core;

/// <summary>
/// The timing budgets of the graded checks, read from <c>autograder/budgets.json</c> (embedded at
/// build time): instructors tune them there, not in code.
/// </summary>
public static class Budgets
{
    private static readonly Lazy<JsonElement> Document = new(() =>
    {
        using var stream = typeof(Budgets).Assembly.GetManifestResourceStream("Course.Specs.budgets.json")
            ?? throw new InvalidOperationException("budgets.json is not embedded in Course.Specs.");
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    /// <summary>The largest allowed ratio of the student's time to the reference's for check <paramref name="id"/>.</summary>
    /// <param name="id">The check's id.</param>
    /// <returns>The ratio k.</returns>
    /// <exception cref="KeyNotFoundException">The budgets file has no ratio for <paramref name="id"/>.</exception>
    public static double Ratio(string id) => Read("ratios", id);

    /// <summary>The largest allowed growth t(4n) / t(n) for scaling check <paramref name="id"/>.</summary>
    /// <param name="id">The check's id.</param>
    /// <returns>The growth limit.</returns>
    /// <exception cref="KeyNotFoundException">The budgets file has no scaling limit for <paramref name="id"/>.</exception>
    public static double Scaling(string id) => Read("scaling", id);

    /// <summary>
    /// The largest allowed ratio of the same work's time among many more data to its time among fewer, for check
    /// <paramref name="id"/> (<see cref="Timing.SizeIndependent"/>).
    /// </summary>
    /// <param name="id">The check's id.</param>
    /// <returns>The ratio limit.</returns>
    /// <exception cref="KeyNotFoundException">The budgets file has no size-independence limit for <paramref name="id"/>.</exception>
    public static double SizeIndependent(string id) => Read("sizeIndependent", id);

    private static double Read(string section, string id) =>
        Document.Value.GetProperty(section).TryGetProperty(id, out var value)
            ? value.GetDouble()
            : throw new KeyNotFoundException($"autograder/budgets.json has no \"{section}\" entry for \"{id}\".");
}
