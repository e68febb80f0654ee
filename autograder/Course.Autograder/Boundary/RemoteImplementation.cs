using Course.Boundary;
using Course.Specs.Core;

namespace Course.Autograder.Boundary;

/// <summary>
/// The student's implementation as the parent's checks see it: each exercise the runner recorded is a factory whose
/// calls go to the runner (its row's operation, encoded by its factory type: <see cref="FactoryCalls"/>) and whose
/// results are proxies, so every check of Course.Specs runs here unchanged while the code under test runs there. An
/// exercise the runner did not record has no factory (the check says "missing").
/// </summary>
public static class RemoteImplementation
{
    /// <summary>Builds the implementation.</summary>
    /// <param name="host">The parent's end of the boundary.</param>
    /// <param name="recorded">The exercises the runner says its check cells recorded.</param>
    /// <param name="world">The world the checks see (<see cref="RemoteWorld"/>).</param>
    /// <returns>The implementation.</returns>
    public static Implementation Create(ObjectHost host, IReadOnlySet<Exercise> recorded, ISpecWorld world)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(recorded);
        return recorded.Aggregate(new Implementation { World = world }, (impl, exercise) => exercise.With(impl, FactoryCalls.Proxy(host, exercise.Operation, exercise.FactoryType)));
    }
}
