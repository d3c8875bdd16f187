namespace VoxDose.Tests.Shared;

/// <summary>
/// A small private PKI made with the <c>openssl</c> command line (an independent oracle for our PEM/PKCS#12 reading):
/// a CA, a server certificate for localhost/127.0.0.1 and a client certificate it issued, a second CA with its own
/// client, and a self-signed client; PEM keys (plain and encrypted PKCS#8) and PKCS#12 files, all in one folder.
/// </summary>
public sealed class OpenSslPki
{
    public const string Password = "s3cret-tls-pass";

    private OpenSslPki(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaPem => Path("ca.pem");
    public string ServerPem => Path("server.pem");
    public string ServerKey => Path("server.key");
    /// <summary>The server key as encrypted PKCS#8 (password <see cref="Password"/>).</summary>
    public string ServerEncryptedKey => Path("server.enc.key");
    /// <summary>Certificate and key in one PEM file.</summary>
    public string ServerCombinedPem => Path("server-combined.pem");
    /// <summary>PKCS#12 of the server certificate and key (password <see cref="Password"/>).</summary>
    public string ServerP12 => Path("server.p12");
    public string ClientPem => Path("client.pem");
    public string ClientKey => Path("client.key");
    public string ClientP12 => Path("client.p12");
    public string OtherCaPem => Path("other-ca.pem");
    public string OtherClientPem => Path("other-client.pem");
    public string OtherClientKey => Path("other-client.key");
    public string SelfSignedClientPem => Path("self-client.pem");
    public string SelfSignedClientKey => Path("self-client.key");

    /// <summary>Creates the whole PKI in <paramref name="directory"/> (about a second of openssl).</summary>
    public static OpenSslPki Create(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var pki = new OpenSslPki(directory);
        pki.Ca("ca", "VoxDose Test CA");
        pki.Ca("other-ca", "Some Other CA");
        pki.Leaf("server", "localhost", "ca", "serverAuth", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        pki.Leaf("client", "MODALITY", "ca", "clientAuth", null);
        pki.Leaf("other-client", "MODALITY", "other-ca", "clientAuth", null);
        pki.Leaf("self-client", "MODALITY", null, "clientAuth", null);
        pki.OpenSsl("pkcs8", "-topk8", "-in", pki.ServerKey, "-out", pki.ServerEncryptedKey, "-passout", "pass:" + Password);
        File.WriteAllText(pki.ServerCombinedPem, File.ReadAllText(pki.ServerPem) + File.ReadAllText(pki.ServerKey));
        pki.OpenSsl("pkcs12", "-export", "-inkey", pki.ServerKey, "-in", pki.ServerPem, "-out", pki.ServerP12, "-passout", "pass:" + Password);
        pki.OpenSsl("pkcs12", "-export", "-inkey", pki.ClientKey, "-in", pki.ClientPem, "-out", pki.ClientP12, "-passout", "pass:" + Password);
        return pki;
    }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    private void Ca(string name, string commonName) =>
        OpenSsl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", Path(name + ".key"), "-out", Path(name + ".pem"), "-days", "2",
            "-subj", "/CN=" + commonName, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");

    private void Leaf(string name, string commonName, string? issuer, string usage, string? subjectAltName)
    {
        List<string> arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", Path(name + ".key"), "-out", Path(name + ".pem"),
            "-days", "2", "-subj", "/CN=" + commonName, "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=" + usage];
        if (issuer is not null) arguments.AddRange(["-CA", Path(issuer + ".pem"), "-CAkey", Path(issuer + ".key")]);
        if (subjectAltName is not null) arguments.AddRange(["-addext", subjectAltName]);
        OpenSsl([.. arguments]);
    }

    private void OpenSsl(params string[] arguments) => ExternalTool.Run("openssl", arguments, TimeSpan.FromMinutes(1), Directory).EnsureSuccess();
}
