namespace Course.Samples.Cells.CompleteDifferent; // project-only
// No padded copy: each output pixel reads its source pixel, or zero outside the image.
public class RandomCrop : ITransform
{
    private readonly int _size, _padding;
    private readonly Random _random;

    public RandomCrop(int size, int padding = 4, int seed = 0)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, $"Crop size {size} must be at least 1.");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, $"Padding {padding} must not be negative.");
        (_size, _padding, _random) = (size, padding, new Random(seed));
    }

    public Tensor Apply(Tensor input)
    {
        int h = input.Size(-2), w = input.Size(-1), c = input.Rank == 3 ? input.Size(0) : 1;
        if (_size > h + 2 * _padding || _size > w + 2 * _padding)
            throw new ArgumentException($"Crop size {_size} exceeds the padded image {h + 2 * _padding}x{w + 2 * _padding}.");
        int top = _random.Next(h + 2 * _padding - _size + 1), left = _random.Next(w + 2 * _padding - _size + 1);
        var src = input.ToArray();
        var dst = new float[c * _size * _size];
        for (int ch = 0; ch < c; ch++)
            for (int y = 0; y < _size; y++)
                for (int x = 0; x < _size; x++)
                {
                    int sy = top + y - _padding, sx = left + x - _padding;
                    if (sy >= 0 && sy < h && sx >= 0 && sx < w) dst[(ch * _size + y) * _size + x] = src[(ch * h + sy) * w + sx];
                }
        return new Tensor(dst, input.Rank == 3 ? [c, _size, _size] : [_size, _size]);
    }
}
