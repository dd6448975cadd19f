// Command meshpane-apiserver runs embedded etcd and the real kube-apiserver in one process on
// 127.0.0.1 for Meshpane's tests. See README.md for flags and the ready line.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // CronJob timeZone validation, as the upstream binary does

	"github.com/spf13/pflag"
	utilerrors "k8s.io/apimachinery/pkg/util/errors"
	"k8s.io/apiserver/pkg/server/flagz"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
	basecompatibility "k8s.io/component-base/compatibility"
	"k8s.io/component-base/featuregate"
	logsapi "k8s.io/component-base/logs/api/v1"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
	"k8s.io/kubernetes/cmd/kube-apiserver/app/options"
)

type readyInfo struct {
	Name       string            `json:"name"`
	URL        string            `json:"url"`
	CAFile     string            `json:"caFile"`
	Tokens     map[string]string `json:"tokens"`
	Kubeconfig string            `json:"kubeconfig"`
	Control    string            `json:"control"`
	Etcd       string            `json:"etcd"`
	DataDir    string            `json:"dataDir"`
	StartupMs  int64             `json:"startupMs"`
}

type tokenFlags map[string]string

func (t tokenFlags) String() string { return "" }
func (t tokenFlags) Set(v string) error {
	user, tok, ok := strings.Cut(v, "=")
	if !ok || user == "" || tok == "" {
		return fmt.Errorf("want USER=TOKEN, got %q", v)
	}
	t[user] = tok
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "meshpane-apiserver:", err)
		os.Exit(1)
	}
}

func run() error {
	start := time.Now()
	dataDir := flag.String("data-dir", "", "etcd data, certificates, tokens and kubeconfig (default: a temp dir removed on exit)")
	port := flag.Int("port", 0, "secure port of kube-apiserver on 127.0.0.1 (0 picks a free one)")
	controlPort := flag.Int("control-port", 0, "plain HTTP control endpoint on 127.0.0.1 (0 picks a free one)")
	name := flag.String("name", "meshpane-test", "cluster, user and context name in the written kubeconfig")
	stopOnEOF := flag.Bool("stop-on-stdin-eof", false, "shut down when stdin closes (a parent holding the pipe died)")
	tokens := tokenFlags{}
	flag.Var(tokens, "token", "USER=TOKEN for admin, meshpane, alice or bob (repeatable; default random)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: meshpane-apiserver [flags] [-- extra kube-apiserver flags]\n")
		flag.PrintDefaults()
	}
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if *stopOnEOF {
		go func() {
			io.Copy(io.Discard, os.Stdin) //nolint:errcheck // any end of stdin means stop
			stop()
		}()
	}

	if *dataDir == "" {
		d, err := os.MkdirTemp("", "meshpane-apiserver-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dataDir = d
	}
	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	certs, err := ensurePKI(filepath.Join(dir, "pki"))
	if err != nil {
		return fmt.Errorf("certificates: %w", err)
	}
	toks, tokenCSV, err := ensureTokens(dir, tokens)
	if err != nil {
		return fmt.Errorf("tokens: %w", err)
	}

	// Bind both ports before anything slow starts, so a taken port fails fast.
	apiLn, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		return err
	}
	ctlLn, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *controlPort))
	if err != nil {
		return err
	}

	etcd, err := startEtcd(filepath.Join(dir, "etcd"))
	if err != nil {
		return fmt.Errorf("etcd: %w", err)
	}
	defer etcd.Close()

	ctl := &control{etcd: etcd}
	ctlSrv := &http.Server{Handler: ctl.handler(), ReadHeaderTimeout: 10 * time.Second}
	go ctlSrv.Serve(ctlLn) //nolint:errcheck // ends with ErrServerClosed on shutdown
	defer ctlSrv.Close()

	apiPort := apiLn.Addr().(*net.TCPAddr).Port
	args := []string{
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		fmt.Sprintf("--secure-port=%d", apiPort),
		"--tls-cert-file=" + certs.ServingCert,
		"--tls-private-key-file=" + certs.ServingKey,
		"--client-ca-file=" + certs.CACert,
		"--token-auth-file=" + tokenCSV,
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + certs.SAPublic,
		"--service-account-signing-key-file=" + certs.SAPrivate,
		"--service-cluster-ip-range=10.96.0.0/16",
		"--etcd-servers=" + etcd.url,
		// Compaction happens only when a test asks for it (POST /compact), never behind its back.
		"--etcd-compaction-interval=0",
		// ServiceAccount admission rejects Pods until the (absent) controller manager has created
		// the namespace's "default" ServiceAccount; tests create Pods directly.
		"--disable-admission-plugins=ServiceAccount",
		// The endpoint reconciler would publish 127.0.0.1 as the kubernetes Service's endpoint,
		// which validation rejects (loopback); nothing in the tests needs that endpoint.
		"--endpoint-reconciler-type=none",
		"--allow-privileged=true",
		"--profiling=false",
	}
	args = append(args, flag.Args()...) // later flags win, so callers can override any default

	apiErr := make(chan error, 1)
	go func() { apiErr <- runAPIServer(ctx, apiLn, args) }()

	url := fmt.Sprintf("https://127.0.0.1:%d", apiPort)
	if err := waitReady(ctx, url, certs.CACert, toks["admin"], apiErr); err != nil {
		return err
	}
	kubeconfig := filepath.Join(dir, "kubeconfig")
	if err := writeKubeconfig(kubeconfig, *name, url, certs.CACert, toks["admin"]); err != nil {
		return err
	}
	info := readyInfo{
		Name: *name, URL: url, CAFile: certs.CACert, Tokens: toks, Kubeconfig: kubeconfig,
		Control: "http://" + ctlLn.Addr().String(), Etcd: etcd.url, DataDir: dir,
		StartupMs: time.Since(start).Milliseconds(),
	}
	line, _ := json.Marshal(info)
	if err := os.WriteFile(filepath.Join(dir, "ready.json"), line, 0o600); err != nil {
		return err
	}
	ctl.setReady(line)
	fmt.Println(string(line))

	select {
	case err := <-apiErr:
		return fmt.Errorf("kube-apiserver stopped: %w", err)
	case <-ctx.Done():
	}
	// Let the apiserver drain before etcd goes away under it (deferred Close).
	select {
	case err := <-apiErr:
		if err != nil {
			fmt.Fprintln(os.Stderr, "meshpane-apiserver: kube-apiserver shutdown:", err)
		}
	case <-time.After(30 * time.Second):
		fmt.Fprintln(os.Stderr, "meshpane-apiserver: kube-apiserver did not stop within 30s")
	}
	return nil
}

// runAPIServer does what kube-apiserver's cobra command does, minus its own signal handling
// (ours also stops etcd) and with a listener we already hold.
func runAPIServer(ctx context.Context, ln net.Listener, args []string) error {
	s := options.NewServerRunOptions()
	fs := pflag.NewFlagSet("kube-apiserver", pflag.ContinueOnError)
	named := s.Flags()
	for _, f := range named.FlagSets {
		fs.AddFlagSet(f)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	s.Flagz = flagz.NamedFlagSetsReader{FlagSets: named}
	s.SecureServing.Listener = ln
	registry := s.GenericServerRunOptions.ComponentGlobalsRegistry
	if err := registry.Set(); err != nil {
		return err
	}
	rest.SetDefaultWarningHandler(rest.NoWarnings{}) // loopback clients: no self-issued warnings
	gate := registry.FeatureGateFor(basecompatibility.DefaultKubeComponent)
	if err := logsapi.ValidateAndApply(s.Logs, gate); err != nil {
		return err
	}
	completed, err := s.Complete(ctx)
	if err != nil {
		return err
	}
	if errs := completed.Validate(); len(errs) != 0 {
		return utilerrors.NewAggregate(errs)
	}
	gate.(featuregate.MutableFeatureGate).AddMetrics()
	return app.Run(ctx, completed)
}

// waitReady polls /readyz (etcd, RBAC bootstrap roles, CRD informers...) and then waits for the
// bootstrap controller's "default" and "kube-system" namespaces, which tests rely on.
func waitReady(ctx context.Context, url, caFile, token string, apiErr <-chan error) error {
	client, err := httpsClient(caFile)
	if err != nil {
		return err
	}
	get := func(path string) bool {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	deadline := time.After(90 * time.Second)
	for _, path := range []string{"/readyz", "/api/v1/namespaces/default", "/api/v1/namespaces/kube-system"} {
		for !get(path) {
			select {
			case err := <-apiErr:
				return fmt.Errorf("kube-apiserver exited before ready: %v", err)
			case <-ctx.Done():
				return errors.New("interrupted before ready")
			case <-deadline:
				return fmt.Errorf("kube-apiserver not ready after 90s (waiting for %s)", path)
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
	return nil
}

func writeKubeconfig(path, name, url, caFile, token string) error {
	ca, err := os.ReadFile(caFile)
	if err != nil {
		return err
	}
	cfg := clientcmdapi.NewConfig()
	cfg.Clusters[name] = &clientcmdapi.Cluster{Server: url, CertificateAuthorityData: ca}
	cfg.AuthInfos[name] = &clientcmdapi.AuthInfo{Token: token}
	cfg.Contexts[name] = &clientcmdapi.Context{Cluster: name, AuthInfo: name, Namespace: "default"}
	cfg.CurrentContext = name
	return clientcmd.WriteToFile(*cfg, path)
}
