using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>One openssl-made private PKI (<see cref="OpenSslPki"/>) shared by the tests of a class.</summary>
public sealed class PkiFixture : IDisposable
{
    public OpenSslPki Pki { get; } = OpenSslPki.Create(TestPaths.NewTempDirectory("voxdose-pki"));

    public void Dispose()
    {
        try { Directory.Delete(Pki.Directory, recursive: true); } catch (IOException) { }
    }
}
