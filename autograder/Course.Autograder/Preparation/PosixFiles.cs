using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Course.Autograder.Preparation;

/// <summary>
/// The few system calls that read a submission's file without trusting it, on Linux and macOS (and, with a gap
/// named below, other Unix systems): <c>lstat</c> to see what an entry is without following a link, <c>open</c>
/// with <c>O_NOFOLLOW | O_NONBLOCK</c> so that neither a link swapped in nor a named pipe can redirect or block the
/// open, and <c>fstat</c> on the opened file to check again what was opened.
/// </summary>
/// <remarks>
/// <c>lstat</c> and <c>fstat</c> go through the .NET runtime's own native shim (<c>libSystem.Native</c>, part of
/// every runtime), which gives one <c>FileStatus</c> layout on every Unix and processor: calling libc's <c>stat</c>
/// family directly would mean a different <c>struct stat</c> for each. The two fields read, the mode and the size,
/// have led that layout since .NET Core 1.0. <c>open</c>'s flags differ between systems and processors and are
/// spelled out for the ones known; elsewhere <see cref="TryOpenNoFollow"/> says it cannot, and the caller opens the
/// file the ordinary way after <c>lstat</c> said it is a regular file (only a file swapped between the two calls
/// could then be a link or a pipe; nothing runs during preparation to swap it).
/// </remarks>
[UnsupportedOSPlatform("windows")]
internal static class PosixFiles
{
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int S_IFMT = 0xF000;

    /// <summary>What is at <paramref name="path"/>, a link itself rather than what it points to.</summary>
    /// <param name="path">The path.</param>
    /// <returns>Its kind and size, and the error number when it could not be examined.</returns>
    public static (FileKind Kind, long Size, int Errno) LStat(string path)
    {
        if (SystemLStat(path, out FileStatus status) == 0)
        {
            return (KindOf(status.Mode), status.Size, 0);
        }

        int errno = Marshal.GetLastPInvokeError();
        return (errno is ENOENT or ENOTDIR ? FileKind.Missing : FileKind.Unexaminable, 0, errno);
    }

    /// <summary>What an opened file is.</summary>
    /// <param name="handle">The file.</param>
    /// <returns>Its kind and size (<see cref="FileKind.Unexaminable"/> when fstat fails).</returns>
    public static (FileKind Kind, long Size) FStat(SafeFileHandle handle) =>
        SystemFStat(handle, out FileStatus status) == 0 ? (KindOf(status.Mode), status.Size) : (FileKind.Unexaminable, 0);

    /// <summary>Opens <paramref name="path"/> for reading without following a link and without waiting on a pipe.</summary>
    /// <param name="path">The file.</param>
    /// <param name="handle">The open file, or null.</param>
    /// <param name="errno">The error number when the open failed.</param>
    /// <returns>False when this system's flags are not known, so the file was not opened.</returns>
    public static bool TryOpenNoFollow(string path, out SafeFileHandle? handle, out int errno)
    {
        handle = null;
        errno = 0;
        if (NoFollowReadFlags() is not int flags)
        {
            return false;
        }

        int fd = Open(path, flags);
        if (fd < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return true;
        }

        handle = new SafeFileHandle(fd, ownsHandle: true);
        return true;
    }

    /// <summary>Whether an error number is the one <c>open</c> gives a link under <c>O_NOFOLLOW</c>.</summary>
    /// <param name="errno">The error number.</param>
    /// <returns>True for ELOOP.</returns>
    public static bool IsLink(int errno) => errno == (OperatingSystem.IsMacOS() || OperatingSystem.IsMacCatalyst() ? 62 : 40);

    private static FileKind KindOf(int mode) => (mode & S_IFMT) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.NamedPipe,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unexaminable,
    };

    // O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, as each system numbers them. O_NONBLOCK makes opening
    // a named pipe return at once; O_NOCTTY keeps a terminal device from becoming this process's terminal.
    private static int? NoFollowReadFlags()
    {
        if (OperatingSystem.IsLinux())
        {
            int? noFollow = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 or Architecture.X86 or Architecture.RiscV64 or Architecture.LoongArch64 or Architecture.S390x => 0x20000,
                Architecture.Arm64 or Architecture.Arm or Architecture.Armv6 or Architecture.Ppc64le => 0x8000,
                _ => null,
            };
            return noFollow | 0x800 | 0x80000 | 0x100;
        }

        if (OperatingSystem.IsMacOS() || OperatingSystem.IsMacCatalyst())
        {
            return 0x100 | 0x4 | 0x1000000 | 0x20000;
        }

        return null;
    }

    // The runtime's FileStatus begins with these fields; Size = 512 leaves room for all it has after them.
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemLStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemFStat(SafeFileHandle fd, out FileStatus status);

    // open(2) is variadic (a mode follows O_CREAT); without O_CREAT the mode is never read, so two arguments are enough.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
