import yaml, os, sys
C="test.meshpane.io/cluster"
def meta(name, ns=None, cluster=None, labels=None, created=None, annotations=None):
    m={"name":name}
    if ns: m["namespace"]=ns
    if labels: m["labels"]=labels
    if created: m["creationTimestamp"]=created
    a=dict(annotations or {})
    if cluster: a[C]=cluster
    if a: m["annotations"]=a
    return m
def obj(api,kind,name,ns=None,cluster=None,spec=None,labels=None,created=None,status=None,annotations=None,**extra):
    o={"apiVersion":api,"kind":kind,"metadata":meta(name,ns,cluster,labels,created,annotations)}
    if spec is not None: o["spec"]=spec
    if status is not None: o["status"]=status
    o.update(extra); return o
def mesh(cluster, td):
    return [obj("apps/v1","Deployment","istiod","istio-system",cluster,{"selector":{"matchLabels":{"app":"istiod"}},"template":{"metadata":{"labels":{"app":"istiod"}},"spec":{"serviceAccountName":"istiod","containers":[{"name":"discovery","image":"docker.io/istio/pilot:1.22.3"}]}}}),
            obj("v1","ConfigMap","istio","istio-system",cluster,data={"mesh":f"trustDomain: {td}\n"}),
            obj("v1","Node",f"{cluster}-node",None,cluster,labels={"topology.kubernetes.io/region":f"region-{cluster}"})]
def ns(name, cluster, labels=None): return obj("v1","Namespace",name,None,cluster,labels=labels)
def deploy(name, namespace, cluster, labels, sa=None):
    return obj("apps/v1","Deployment",name,namespace,cluster,{"selector":{"matchLabels":labels},"template":{"metadata":{"labels":labels},"spec":{"serviceAccountName":sa or name,"containers":[{"name":"app","image":"example/app:1"},{"name":"istio-proxy","image":"docker.io/istio/proxyv2:1.22.3"}]}}})
def sa(name, namespace, cluster): return obj("v1","ServiceAccount",name,namespace,cluster)
def svc(name, namespace, cluster, selector, ports, labels=None, typ=None, status=None):
    spec={"selector":selector,"ports":ports}
    if typ: spec["type"]=typ
    return obj("v1","Service",name,namespace,cluster,spec,labels=labels or {"app":name},status=status)
def http(port=9080,name="http",target=None): return {"name":name,"port":port,"targetPort":target or port,"protocol":"TCP"}
def base():
    out=[]
    # mgmt
    for c in ["cluster-1","cluster-2"]: out.append(obj("admin.gloo.solo.io/v2","KubernetesCluster",c,"gloo-mesh","mgmt",{"clusterDomain":"cluster.local"}))
    def ws(name, extra):
        return obj("admin.gloo.solo.io/v2","Workspace",name,"gloo-mesh","mgmt",{"workloadClusters":[{"name":"mgmt","configEnabled":True,"namespaces":[{"name":f"{name}-config"}]},{"name":"cluster-*","configEnabled":False,"namespaces":[{"name":n} for n in extra]}]})
    out += [ws("app",["app"]), ws("client",["client"]), ws("gw",["istio-gateways"])]
    for n in ["gloo-mesh","app-config","client-config","gw-config"]: out.append(ns(n,"mgmt"))
    out.append(obj("admin.gloo.solo.io/v2","WorkspaceSettings","app","app-config","mgmt",{"exportTo":[{"workspaces":[{"name":"client"},{"name":"gw"}]}],"options":{"eastWestGateways":[{"selector":{"labels":{"istio":"eastwestgateway"}}}]}}))
    out.append(obj("admin.gloo.solo.io/v2","WorkspaceSettings","client","client-config","mgmt",{"importFrom":[{"workspaces":[{"name":"app"}]}]}))
    out.append(obj("admin.gloo.solo.io/v2","WorkspaceSettings","gw","gw-config","mgmt",{"importFrom":[{"workspaces":[{"name":"app"}]}]}))
    for c, td in [("cluster-1","cluster-1"),("cluster-2","cluster-2")]:
        out += mesh(c, td)
        out += [ns("app",c), ns("istio-gateways",c)]
        out.append(deploy("istio-eastwestgateway","istio-gateways",c,{"app":"istio-eastwestgateway","istio":"eastwestgateway"}))
        out.append(svc("istio-eastwestgateway","istio-gateways",c,{"app":"istio-eastwestgateway","istio":"eastwestgateway"},[http(15443,"tls")],labels={"istio":"eastwestgateway"},typ="LoadBalancer",status={"loadBalancer":{"ingress":[{"ip":"34.0.0.1" if c=="cluster-1" else "35.0.0.2"}]}}))
        out.append(sa("reviews","app",c))
        out.append(svc("reviews","app",c,{"app":"reviews"},[http()]))
    out.append(ns("client","cluster-1"))
    out += [deploy("reviews-v1","app","cluster-1",{"app":"reviews","version":"v1"},"reviews"), deploy("reviews-v2","app","cluster-1",{"app":"reviews","version":"v2"},"reviews"),
            deploy("reviews-v3","app","cluster-2",{"app":"reviews","version":"v3"},"reviews"),
            deploy("ratings-v1","app","cluster-1",{"app":"ratings","version":"v1"}), sa("ratings","app","cluster-1"),
            svc("ratings","app","cluster-1",{"app":"ratings"},[http()]),
            deploy("client","client","cluster-1",{"app":"client"}), sa("client","client","cluster-1"),
            deploy("istio-ingressgateway","istio-gateways","cluster-1",{"app":"istio-ingressgateway","istio":"ingressgateway"}),
            svc("istio-ingressgateway","istio-gateways","cluster-1",{"app":"istio-ingressgateway","istio":"ingressgateway"},[http(80,"http2",8080),http(443,"https",8443)],labels={"istio":"ingressgateway"},typ="LoadBalancer")]
    return out
def write(feature, objs, comment):
    os.makedirs(feature, exist_ok=True)
    with open(os.path.join(feature,"input.yaml"),"w") as f:
        f.write(f"# {comment}\n# Objects without a {C} annotation belong to cluster-1; mgmt is the management cluster.\n")
        f.write(yaml.safe_dump_all(objs, sort_keys=False))
RT="networking.gloo.solo.io/v2"
def rt(name, namespace, spec, labels=None, created=None): return obj(RT,"RouteTable",name,namespace,"mgmt",spec,labels=labels,created=created)
def dest(name, namespace="app", cluster="cluster-1", **kw):
    d={"ref":{"name":name,"namespace":namespace,"cluster":cluster},"port":{"number":9080}}; d.update(kw); return d
def pol(group, kind, name, namespace, spec, created=None, labels=None): return obj(f"{group}/v2",kind,name,namespace,"mgmt",spec,created=created,labels=labels)
