using System.Text.Json.Nodes;
using Course.Boundary;
using TinyTorch;

namespace Course.Runner;

/// <summary>
/// Measures, for the parent, what a forwarded <c>Tensor.Stack</c> costs this process: runs of calls of a small and
/// a batch-sized argument, each bracketed by <c>calibration.start</c> and <c>calibration.stop</c> so that the parent
/// reads this process's CPU time around them. Done before any of the submission's code is loaded, and ended with
/// <c>calibration.end</c>, after which the parent accepts no more: the submission can neither see nor sway it.
/// </summary>
internal static class ForwardingCalibration
{
    private const int Warmup = 300;
    private const int Measured = 200;

    public static void Run(ObjectHost host)
    {
        Tensor[] small = [Tensor.Scalar(0)];
        // A batch of notebook 03's epoch check: 64 samples of 192 features.
        Tensor[] large = [.. Enumerable.Range(0, 64).Select(_ => new Tensor(new float[192], 192))];
        foreach (var argument in new[] { small, large })
        {
            for (int i = 0; i < Warmup; i++)
            {
                _ = Tensor.Stack(argument);
            }
        }

        // Give tiered compilation time to finish with the code it just saw called often, as it will have in a check.
        Thread.Sleep(250);
        foreach (var argument in new[] { small, large, small, large })
        {
            host.Call("calibration.start", new JsonObject());
            for (int i = 0; i < Measured; i++)
            {
                _ = Tensor.Stack(argument);
            }

            host.Call("calibration.stop", new JsonObject());
        }

        host.Call("calibration.end", new JsonObject());
    }
}
