namespace Course.Samples.Cells.CompleteDifferent; // project-only
// Index arithmetic: output column x reads input column W - 1 - x.
public class RandomHorizontalFlip : ITransform
{
    private readonly double _p;
    private readonly Random _random;

    public RandomHorizontalFlip(double p = 0.5, int seed = 0)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, string.Format(System.Globalization.CultureInfo.InvariantCulture, "Probability {0} is not in [0, 1].", p));
        _p = p;
        _random = new Random(seed);
    }

    public Tensor Apply(Tensor input)
    {
        int w = input.Size(-1);
        var src = input.ToArray();
        var dst = new float[src.Length];
        bool flip = _random.NextDouble() < _p;
        for (int i = 0; i < src.Length; i++)
        {
            int col = i % w;
            dst[i] = flip ? src[i - col + (w - 1 - col)] : src[i];
        }
        return new Tensor(dst, input.Shape.ToArray());
    }
}
