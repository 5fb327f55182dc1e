/*! Device Security card and panel. Built by frontend/build.mjs; source-sha256: e29e5ccaf91c799c1a52adcd1732ea33d580390767610eccc2fbe8962fc434df */
var Rt=Object.defineProperty;var Ct=Object.getOwnPropertyDescriptor;var m=(n,e,t,r)=>{for(var i=r>1?void 0:r?Ct(e,t):e,s=n.length-1,o;s>=0;s--)(o=n[s])&&(i=(r?o(e,t,i):o(i))||i);return r&&i&&Rt(e,t,i),i};var ae=globalThis,ce=ae.ShadowRoot&&(ae.ShadyCSS===void 0||ae.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,we=Symbol(),Fe=new WeakMap,W=class{constructor(e,t,r){if(this._$cssResult$=!0,r!==we)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(ce&&e===void 0){let r=t!==void 0&&t.length===1;r&&(e=Fe.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),r&&Fe.set(t,e))}return e}toString(){return this.cssText}},ze=n=>new W(typeof n=="string"?n:n+"",void 0,we),D=(n,...e)=>{let t=n.length===1?n[0]:e.reduce((r,i,s)=>r+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+n[s+1],n[0]);return new W(t,n,we)},Be=(n,e)=>{if(ce)n.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let r=document.createElement("style"),i=ae.litNonce;i!==void 0&&r.setAttribute("nonce",i),r.textContent=t.cssText,n.appendChild(r)}},Ae=ce?n=>n:n=>n instanceof CSSStyleSheet?(e=>{let t="";for(let r of e.cssRules)t+=r.cssText;return ze(t)})(n):n;var{is:Dt,defineProperty:Tt,getOwnPropertyDescriptor:Nt,getOwnPropertyNames:Ot,getOwnPropertySymbols:Pt,getPrototypeOf:Lt}=Object,le=globalThis,We=le.trustedTypes,Ut=We?We.emptyScript:"",Mt=le.reactiveElementPolyfillSupport,V=(n,e)=>n,q={toAttribute(n,e){switch(e){case Boolean:n=n?Ut:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,e){let t=n;switch(e){case Boolean:t=n!==null;break;case Number:t=n===null?null:Number(n);break;case Object:case Array:try{t=JSON.parse(n)}catch{t=null}}return t}},de=(n,e)=>!Dt(n,e),Ve={attribute:!0,type:String,converter:q,reflect:!1,useDefault:!1,hasChanged:de};Symbol.metadata??=Symbol("metadata"),le.litPropertyMetadata??=new WeakMap;var w=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Ve){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let r=Symbol(),i=this.getPropertyDescriptor(e,r,t);i!==void 0&&Tt(this.prototype,e,i)}}static getPropertyDescriptor(e,t,r){let{get:i,set:s}=Nt(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:i,set(o){let c=i?.call(this);s?.call(this,o),this.requestUpdate(e,c,r)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Ve}static _$Ei(){if(this.hasOwnProperty(V("elementProperties")))return;let e=Lt(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(V("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(V("properties"))){let t=this.properties,r=[...Ot(t),...Pt(t)];for(let i of r)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[r,i]of t)this.elementProperties.set(r,i)}this._$Eh=new Map;for(let[t,r]of this.elementProperties){let i=this._$Eu(t,r);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let r=new Set(e.flat(1/0).reverse());for(let i of r)t.unshift(Ae(i))}else e!==void 0&&t.push(Ae(e));return t}static _$Eu(e,t){let r=t.attribute;return r===!1?void 0:typeof r=="string"?r:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let r of t.keys())this.hasOwnProperty(r)&&(e.set(r,this[r]),delete this[r]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Be(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,r){this._$AK(e,r)}_$ET(e,t){let r=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,r);if(i!==void 0&&r.reflect===!0){let s=(r.converter?.toAttribute!==void 0?r.converter:q).toAttribute(t,r.type);this._$Em=e,s==null?this.removeAttribute(i):this.setAttribute(i,s),this._$Em=null}}_$AK(e,t){let r=this.constructor,i=r._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let s=r.getPropertyOptions(i),o=typeof s.converter=="function"?{fromAttribute:s.converter}:s.converter?.fromAttribute!==void 0?s.converter:q;this._$Em=i;let c=o.fromAttribute(t,s.type);this[i]=c??this._$Ej?.get(i)??c,this._$Em=null}}requestUpdate(e,t,r,i=!1,s){if(e!==void 0){let o=this.constructor;if(i===!1&&(s=this[e]),r??=o.getPropertyOptions(e),!((r.hasChanged??de)(s,t)||r.useDefault&&r.reflect&&s===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,r))))return;this.C(e,t,r)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:r,reflect:i,wrapped:s},o){r&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),s!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||r||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,s]of this._$Ep)this[i]=s;this._$Ep=void 0}let r=this.constructor.elementProperties;if(r.size>0)for(let[i,s]of r){let{wrapped:o}=s,c=this[i];o!==!0||this._$AL.has(i)||c===void 0||this.C(i,void 0,s,c)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(r=>r.hostUpdate?.()),this.update(t)):this._$EM()}catch(r){throw e=!1,this._$EM(),r}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};w.elementStyles=[],w.shadowRootOptions={mode:"open"},w[V("elementProperties")]=new Map,w[V("finalized")]=new Map,Mt?.({ReactiveElement:w}),(le.reactiveElementVersions??=[]).push("2.1.2");var Te=globalThis,qe=n=>n,pe=Te.trustedTypes,Ke=pe?pe.createPolicy("lit-html",{createHTML:n=>n}):void 0,Qe="$lit$",k=`lit$${Math.random().toFixed(9).slice(2)}$`,et="?"+k,Ht=`<${et}>`,O=document,G=()=>O.createComment(""),X=n=>n===null||typeof n!="object"&&typeof n!="function",Ne=Array.isArray,It=n=>Ne(n)||typeof n?.[Symbol.iterator]=="function",Se=`[ 	
\f\r]`,K=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Ge=/-->/g,Xe=/>/g,T=RegExp(`>|${Se}(?:([^\\s"'>=/]+)(${Se}*=${Se}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Je=/'/g,Ye=/"/g,tt=/^(?:script|style|textarea|title)$/i,Oe=n=>(e,...t)=>({_$litType$:n,strings:e,values:t}),d=Oe(1),ur=Oe(2),hr=Oe(3),P=Symbol.for("lit-noChange"),p=Symbol.for("lit-nothing"),Ze=new WeakMap,N=O.createTreeWalker(O,129);function rt(n,e){if(!Ne(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ke!==void 0?Ke.createHTML(e):e}var jt=(n,e)=>{let t=n.length-1,r=[],i,s=e===2?"<svg>":e===3?"<math>":"",o=K;for(let c=0;c<t;c++){let a=n[c],u,f,h=-1,g=0;for(;g<a.length&&(o.lastIndex=g,f=o.exec(a),f!==null);)g=o.lastIndex,o===K?f[1]==="!--"?o=Ge:f[1]!==void 0?o=Xe:f[2]!==void 0?(tt.test(f[2])&&(i=RegExp("</"+f[2],"g")),o=T):f[3]!==void 0&&(o=T):o===T?f[0]===">"?(o=i??K,h=-1):f[1]===void 0?h=-2:(h=o.lastIndex-f[2].length,u=f[1],o=f[3]===void 0?T:f[3]==='"'?Ye:Je):o===Ye||o===Je?o=T:o===Ge||o===Xe?o=K:(o=T,i=void 0);let b=o===T&&n[c+1].startsWith("/>")?" ":"";s+=o===K?a+Ht:h>=0?(r.push(u),a.slice(0,h)+Qe+a.slice(h)+k+b):a+k+(h===-2?c:b)}return[rt(n,s+(n[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),r]},J=class n{constructor({strings:e,_$litType$:t},r){let i;this.parts=[];let s=0,o=0,c=e.length-1,a=this.parts,[u,f]=jt(e,t);if(this.el=n.createElement(u,r),N.currentNode=this.el.content,t===2||t===3){let h=this.el.content.firstChild;h.replaceWith(...h.childNodes)}for(;(i=N.nextNode())!==null&&a.length<c;){if(i.nodeType===1){if(i.hasAttributes())for(let h of i.getAttributeNames())if(h.endsWith(Qe)){let g=f[o++],b=i.getAttribute(h).split(k),C=/([.?@])?(.*)/.exec(g);a.push({type:1,index:s,name:C[2],strings:b,ctor:C[1]==="."?Ee:C[1]==="?"?Re:C[1]==="@"?Ce:M}),i.removeAttribute(h)}else h.startsWith(k)&&(a.push({type:6,index:s}),i.removeAttribute(h));if(tt.test(i.tagName)){let h=i.textContent.split(k),g=h.length-1;if(g>0){i.textContent=pe?pe.emptyScript:"";for(let b=0;b<g;b++)i.append(h[b],G()),N.nextNode(),a.push({type:2,index:++s});i.append(h[g],G())}}}else if(i.nodeType===8)if(i.data===et)a.push({type:2,index:s});else{let h=-1;for(;(h=i.data.indexOf(k,h+1))!==-1;)a.push({type:7,index:s}),h+=k.length-1}s++}}static createElement(e,t){let r=O.createElement("template");return r.innerHTML=e,r}};function U(n,e,t=n,r){if(e===P)return e;let i=r!==void 0?t._$Co?.[r]:t._$Cl,s=X(e)?void 0:e._$litDirective$;return i?.constructor!==s&&(i?._$AO?.(!1),s===void 0?i=void 0:(i=new s(n),i._$AT(n,t,r)),r!==void 0?(t._$Co??=[])[r]=i:t._$Cl=i),i!==void 0&&(e=U(n,i._$AS(n,e.values),i,r)),e}var ke=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:r}=this._$AD,i=(e?.creationScope??O).importNode(t,!0);N.currentNode=i;let s=N.nextNode(),o=0,c=0,a=r[0];for(;a!==void 0;){if(o===a.index){let u;a.type===2?u=new Y(s,s.nextSibling,this,e):a.type===1?u=new a.ctor(s,a.name,a.strings,this,e):a.type===6&&(u=new De(s,this,e)),this._$AV.push(u),a=r[++c]}o!==a?.index&&(s=N.nextNode(),o++)}return N.currentNode=O,i}p(e){let t=0;for(let r of this._$AV)r!==void 0&&(r.strings!==void 0?(r._$AI(e,r,t),t+=r.strings.length-2):r._$AI(e[t])),t++}},Y=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,r,i){this.type=2,this._$AH=p,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=r,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=U(this,e,t),X(e)?e===p||e==null||e===""?(this._$AH!==p&&this._$AR(),this._$AH=p):e!==this._$AH&&e!==P&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):It(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==p&&X(this._$AH)?this._$AA.nextSibling.data=e:this.T(O.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:r}=e,i=typeof r=="number"?this._$AC(e):(r.el===void 0&&(r.el=J.createElement(rt(r.h,r.h[0]),this.options)),r);if(this._$AH?._$AD===i)this._$AH.p(t);else{let s=new ke(i,this),o=s.u(this.options);s.p(t),this.T(o),this._$AH=s}}_$AC(e){let t=Ze.get(e.strings);return t===void 0&&Ze.set(e.strings,t=new J(e)),t}k(e){Ne(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,r,i=0;for(let s of e)i===t.length?t.push(r=new n(this.O(G()),this.O(G()),this,this.options)):r=t[i],r._$AI(s),i++;i<t.length&&(this._$AR(r&&r._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let r=qe(e).nextSibling;qe(e).remove(),e=r}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},M=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,r,i,s){this.type=1,this._$AH=p,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=s,r.length>2||r[0]!==""||r[1]!==""?(this._$AH=Array(r.length-1).fill(new String),this.strings=r):this._$AH=p}_$AI(e,t=this,r,i){let s=this.strings,o=!1;if(s===void 0)e=U(this,e,t,0),o=!X(e)||e!==this._$AH&&e!==P,o&&(this._$AH=e);else{let c=e,a,u;for(e=s[0],a=0;a<s.length-1;a++)u=U(this,c[r+a],t,a),u===P&&(u=this._$AH[a]),o||=!X(u)||u!==this._$AH[a],u===p?e=p:e!==p&&(e+=(u??"")+s[a+1]),this._$AH[a]=u}o&&!i&&this.j(e)}j(e){e===p?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},Ee=class extends M{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===p?void 0:e}},Re=class extends M{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==p)}},Ce=class extends M{constructor(e,t,r,i,s){super(e,t,r,i,s),this.type=5}_$AI(e,t=this){if((e=U(this,e,t,0)??p)===P)return;let r=this._$AH,i=e===p&&r!==p||e.capture!==r.capture||e.once!==r.once||e.passive!==r.passive,s=e!==p&&(r===p||i);i&&this.element.removeEventListener(this.name,this,r),s&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},De=class{constructor(e,t,r){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=r}get _$AU(){return this._$AM._$AU}_$AI(e){U(this,e)}};var Ft=Te.litHtmlPolyfillSupport;Ft?.(J,Y),(Te.litHtmlVersions??=[]).push("3.3.3");var nt=(n,e,t)=>{let r=t?.renderBefore??e,i=r._$litPart$;if(i===void 0){let s=t?.renderBefore??null;r._$litPart$=i=new Y(e.insertBefore(G(),s),s,void 0,t??{})}return i._$AI(n),i};var Pe=globalThis,$=class extends w{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=nt(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return P}};$._$litElement$=!0,$.finalized=!0,Pe.litElementHydrateSupport?.({LitElement:$});var zt=Pe.litElementPolyfillSupport;zt?.({LitElement:$});(Pe.litElementVersions??=[]).push("4.2.2");var Bt={attribute:!0,type:String,converter:q,reflect:!1,hasChanged:de},Wt=(n=Bt,e,t)=>{let{kind:r,metadata:i}=t,s=globalThis.litPropertyMetadata.get(i);if(s===void 0&&globalThis.litPropertyMetadata.set(i,s=new Map),r==="setter"&&((n=Object.create(n)).wrapped=!0),s.set(t.name,n),r==="accessor"){let{name:o}=t;return{set(c){let a=e.get.call(this);e.set.call(this,c),this.requestUpdate(o,a,n,!0,c)},init(c){return c!==void 0&&this.C(o,void 0,n,c),c}}}if(r==="setter"){let{name:o}=t;return function(c){let a=this[o];e.call(this,c),this.requestUpdate(o,a,n,!0,c)}}throw Error("Unsupported decorator location: "+r)};function x(n){return(e,t)=>typeof t=="object"?Wt(n,e,t):((r,i,s)=>{let o=i.hasOwnProperty(s);return i.constructor.createProperty(s,r),o?Object.getOwnPropertyDescriptor(i,s):void 0})(n,e,t)}function v(n){return x({...n,state:!0,attribute:!1})}function H(n,e){customElements.get(n)||customElements.define(n,e)}var it={card:{name:"Device Security",description:"Your home's security score, what needs attention, and the devices to act on first.",title:"Device Security",score:"Security score",score_value:"{score} out of 100",devices_checked:"Devices checked: {count}",counts_label:"What needs attention",needs_action:"Act on these first",all_clear:"No device needs action right now.",open_device:"{device}: {verdict}{date}. Open the device page.",open_repairs_for:"{device}: {verdict}{date}. Open Repairs.",open_report_for:"{device}: {verdict}{date}. Open the report.",date_suffix:"; {date}",repairs:"Repairs",repairs_label:"Open Repairs for {device}",more:"{count} more in the report",open_report:"Open the full report",loading:"Loading the report…",error:"The report could not be loaded: {message}",invalid_max_devices:"max_devices must be a whole number from 1 to 50",support_until:"Support until {date}",support_ended:"Support ended {date}"},counts:{support_ended:"Support ended",support_ending_soon:"Support ending soon",default_password_risks:"Default passwords",exposed_services:"Exposed services",known_exploited:"Exploited vulnerabilities",updates_pending:"Updates pending"},editor:{title:"Title (optional)",max_devices:"Devices to list",show_counts:"Show the counts"},panel:{title:"Device Security",score:"Score {score} out of 100",assessed:"Checked on {generated}, with support data of {database_date}.",reload:"Reload",download_json:"Download JSON",download_csv:"Download CSV",download_csv_hint:"The devices shown, with the filters applied",filters:"Filters",search:"Search",search_placeholder:"Name, manufacturer or model",filter_state:"Support",filter_severity:"Severity",filter_integration:"Integration",filter_identification:"Identification",all:"All",at_least:"{severity} or worse",any_finding:"Any finding",no_findings:"No findings",identified:"Identified",unidentified:"Not identified",shown:"{shown} of {total} devices shown",no_match:"No device matches these filters.",no_devices:"No devices are monitored yet.",caption:"Every device and its security status",sort_by:"Sort by {column}",help_identify:"Help identify this device",help_identify_hint:"Opens a prefilled form on GitHub. Only the integration, manufacturer, model, model number and firmware version are filled in.",guideline:"Guideline {guideline}",acknowledged:"Acknowledged: {finding}",no_contact:"None on record",no_sources:"None",contact_web:"Web page",contact_email:"Email",contact_security_txt:"security.txt",vulnerabilities:"Known vulnerabilities: {count}",unnamed:"Unnamed device",unknown:"Unknown",loading:"Loading the report…",error:"The report could not be loaded: {message}",device_page:"Open the device page of {device}",score_column:"Score",columns:{device:"Device",manufacturer:"Manufacturer",product:"Product",identified_by:"Identified",support:"Security support",findings:"Findings",contact:"Security contact",sources:"Sources",checked:"Data checked"},until:"until {date}",since:"since {date}",fixed_in:"Fixed in firmware {version}",vulnerability_ids:"Vulnerabilities: ",more_vulnerabilities:" and {count} more"},csv:{name:"Device",manufacturer:"Manufacturer",model:"Model",model_id:"Model number",firmware:"Firmware",integrations:"Integrations",product:"Identified as",identified_by:"Identified",support:"Security support",support_end:"Support ends",findings:"Findings",score:"Score",contact:"Security contact",sources:"Sources",checked:"Data checked"},support_state:{supported:"Supported",ending_soon:"Ending soon",ended:"Ended",no_published_period:"No published period",unknown:"Not known",minimum_passed:"Guaranteed period over",community_firmware:"Community firmware",policy_only:"Policy only, no date",policy:"Policy, start date not known",_other:"See the sources"},support_basis:{database:"from the database",owner:"set by you",policy:"from the manufacturer's policy",_other:""},identified_by:{model_id:"By model number",model:"By model name",normalized_model:"By model name, approximately",pattern:"By model series",manufacturer_only:"Manufacturer only",ambiguous:"Several models possible",unknown_manufacturer:"Manufacturer not known",catalogue:"From the product catalogue",integration:"From the integration",_other:"Other way"},identification:{exact:"Exact match",likely:"Likely match",possible:"Possible match",none:"Not identified",_other:"Other"},severity:{critical:"Critical",high:"High",medium:"Medium",low:"Low",info:"Information",_other:"Not rated"},check:{support_ended:"Security updates ended",support_ending_soon:"Security updates end soon",no_support_period:"No published security-update period",unknown_support:"Security-update period not known",default_password_confirmed:"Default password in use",default_password_risk:"May still have a default password",no_disclosure_contact:"No contact for security reports",update_available:"Update waiting to be installed",cloud_dependent:"Works through a cloud service",insecure_remote_access:"Unencrypted management open (telnet or FTP)",no_login_required:"Open to anyone without a login",unencrypted_web_admin:"Web page without https",unmanaged_device:"Not managed by Home Assistant",check_failed:"Could not be checked",known_exploited_vulnerability:"Vulnerability known to be exploited",support_minimum_passed:"Guaranteed update period over",os_release_unsupported:"Its system release gets no more security updates",os_release_behind:"A newer system release is out",_other:"Other finding",none:"No problems found"}};var st={en:it},ot="en";function he(n){return n?.locale?.language||n?.language||(typeof navigator<"u"?navigator.language:"")||ot}function at(n){let e=[n,n.split(/[-_]/)[0],ot],t=[];for(let r of e){let i=st[r]??Object.entries(st).find(([s])=>s.toLowerCase()===r.toLowerCase())?.[1];i&&!t.includes(i)&&t.push(i)}return t}function ct(n,e){let t=n;for(let r of e.split(".")){if(t===void 0||typeof t=="string")return;t=t[r]}return typeof t=="string"?t:void 0}function qt(n,e){return e?n.replace(/\{(\w+)\}/g,(t,r)=>r in e?String(e[r]):t):n}function Kt(n,e){return at(he(n)).some(t=>ct(t,e)!==void 0)}function l(n,e,t){for(let r of at(he(n))){let i=ct(r,e);if(i!==void 0)return qt(i,t)}return e}function y(n,e,t,r){return t&&!t.startsWith("_")&&Kt(n,`${e}.${t}`)?l(n,`${e}.${t}`):r||l(n,`${e}._other`)}var dt="device_security",Le="/device-security",pt="device-security",Ue="/config/repairs";async function fe(n){let t=(await n.callWS({type:"call_service",domain:dt,service:"get_report",service_data:{},return_response:!0}))?.response;if(!t||!Array.isArray(t.devices))throw new Error("no report in the answer");return t}var I=class{constructor(e){this.job=e;this.running=!1;this.again=!1}get busy(){return this.running}async run(){if(this.running){this.again=!0;return}this.running=!0;try{await this.job()}finally{this.running=!1}this.again&&(this.again=!1,await this.run())}};function me(n){return n&&typeof n=="object"&&"message"in n?String(n.message):String(n)}var ut=["critical","high","medium","low","info"],Gt={critical:5,high:4,medium:3,low:2,info:1};function E(n){return n==null?0:Gt[n]??1.5}function re(n){return Array.isArray(n.findings)?n.findings:[]}function ge(n){let e;for(let t of re(n))(!e||E(t.severity)>E(e.severity))&&(e=t);return e}function j(n){let e=ge(n);return e?E(e.severity):0}function Xt(n){return j(n)>E("info")}var lt=["ended","ending_soon","minimum_passed","no_published_period","unknown","policy","policy_only","community_firmware","supported"];function Q(n){let e=lt.indexOf(n??"unknown");return e<0?lt.indexOf("unknown"):e}function S(n){return n.support?.state||"unknown"}function L(n){return n.support?.end||null}var Me={support_ended:["support_ended"],support_ending_soon:["support_ending_soon"],default_password_risks:["default_password_confirmed","default_password_risk"],exposed_services:["insecure_remote_access","no_login_required","unencrypted_web_admin"],known_exploited:["known_exploited_vulnerability"],updates_pending:["update_available"]},_e=Object.keys(Me);function ht(n){let e={};for(let[t,r]of Object.entries(Me))e[t]=n.devices.filter(i=>re(i).some(s=>r.includes(s.check))).length;return e}function ne(n){let e={};for(let t of Object.values(n.entities??{})){let r=t.translation_key;t.platform===dt&&r&&(r==="score"||r==="devices_monitored"||r in Me)&&t.entity_id.startsWith("sensor.")&&(e[r]=t.entity_id)}return e}function ve(n,e){let t=e?n.states[e]?.state:void 0;if(t===void 0||t===""||t===null)return;let r=Number(t);return Number.isFinite(r)?r:void 0}function ye(n,e){return Object.keys(e).sort().map(t=>{let r=n.states[e[t]];return`${t}=${r?.state??""}@${r?.last_updated??""}`}).join("|")}function Jt(n,e){return(n.name??"").localeCompare(e.name??"")}function ft(n,e){return j(e)-j(n)||(L(n)??"9999").localeCompare(L(e)??"9999")||(n.score??100)-(e.score??100)||Jt(n,e)}function He(n){return n.devices.filter(Xt).sort(ft)}function A(n,e){return e.name||[e.manufacturer,e.model].filter(Boolean).join(" ")||l(n,"panel.unnamed")}function be(n,e){return y(n,"check",e.check,e.summary)}function mt(n,e){let t=ge(e);return t?be(n,t):l(n,"check.none")}function ee(n,e){return e.identification?y(n,"identification",e.identification):y(n,"identified_by",e.identified_by)}function F(n,e){if(!e)return"";let t=/^(\d{4})-(\d{2})-(\d{2})/.exec(e);if(!t)return e;let r=new Date(Date.UTC(Number(t[1]),Number(t[2])-1,Number(t[3])));try{return new Intl.DateTimeFormat(he(n),{dateStyle:"medium",timeZone:"UTC"}).format(r)}catch{return t[0]}}function gt(n){return Yt.has(S(n))}var Yt=new Set(["ended","minimum_passed"]);function _t(n,e){let t=L(e);if(!t)return"";let r=gt(e)?"card.support_ended":"card.support_until";return l(n,r,{date:F(n,t).replace(/ /g," ")})}function vt(n,e){let t=L(e);return t?l(n,gt(e)?"panel.since":"panel.until",{date:F(n,t)}):""}function te(n,e){return typeof e.checked=="string"&&e.checked||n.database_date}function $e(n){let e=n.registry_device_ids??[];if(!e.length)return null;let t=e.includes(n.device_id)?n.device_id:e[0];return`/config/devices/device/${encodeURIComponent(t)}`}function Zt(n){return n.repairs_issue===!0}function yt(n){return re(n).some(Zt)}function ie(n){if(typeof n!="string")return null;try{let e=new URL(n);return e.protocol==="https:"||e.protocol==="http:"?e.href:null}catch{return null}}function bt(n){return typeof n!="string"||!/^[^\s@:/?#]+@[^\s@:/?#]+$/.test(n)?null:`mailto:${n}`}function $t(n){try{return new URL(n).hostname.replace(/^www\./,"")}catch{return n}}function xt(n){return ie(n.help_identify)}function Qt(n){history.pushState(null,"",n),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:!1}}))}function z(n){if(n.defaultPrevented||n.button!==0||n.metaKey||n.ctrlKey||n.shiftKey||n.altKey)return;let t=n.currentTarget?.getAttribute("href");!t||!t.startsWith("/")||(n.preventDefault(),Qt(t))}var wt={state:"",severity:"",integration:"",identification:"",text:""};function At(n,e){let t=e.text.trim().toLowerCase();return n.filter(r=>{if(e.state&&S(r)!==e.state)return!1;if(e.severity==="none"){if(re(r).length)return!1}else if(e.severity&&j(r)<E(e.severity))return!1;return!(e.integration&&!(r.integrations??[]).includes(e.integration)||e.identification==="identified"&&!r.identified_as||e.identification==="unidentified"&&r.identified_as||t&&![r.name,r.manufacturer,r.model,r.model_id,r.identified_as?.name].filter(Boolean).join(" ").toLowerCase().includes(t))})}function Z(n,e){return n.localeCompare(e,void 0,{sensitivity:"base",numeric:!0})}function St(n,e,t,r){let i=(c,a)=>{switch(r.key){case"device":return Z(A(n,c),A(n,a));case"manufacturer":return Z(c.manufacturer??"",a.manufacturer??"");case"product":return Z(c.identified_as?.name??"",a.identified_as?.name??"");case"identified_by":return Z(ee(n,c),ee(n,a));case"support":return Q(S(c))-Q(S(a))||(L(c)??"9999").localeCompare(L(a)??"9999");case"findings":return-ft(c,a);case"checked":return te(e,c).localeCompare(te(e,a))}return 0},s=c=>r.key==="manufacturer"&&!c.manufacturer||r.key==="product"&&!c.identified_as?.name,o=r.descending?-1:1;return[...t].sort((c,a)=>Number(s(c))-Number(s(a))||o*i(c,a)||j(a)-j(c)||Z(A(n,c),A(n,a)))}function er(n){let e=n==null?"":String(n);return/^[=+\-@\t\r]/.test(e)&&(e=`'${e}`),/[",\r\n]/.test(e)?`"${e.replace(/"/g,'""')}"`:e}function tr(n){return n?[n.url,n.email,n.security_txt].filter(Boolean).join(" "):""}function kt(n,e,t){let r=["name","manufacturer","model","model_id","firmware","integrations","product","identified_by","support","support_end","findings","score","contact","sources","checked"],i=t.map(o=>[A(n,o),o.manufacturer??"",o.model??"",o.model_id??"",o.sw_version??"",(o.integrations??[]).join(", "),o.identified_as?.name??"",ee(n,o),y(n,"support_state",S(o)),L(o)??"",re(o).map(c=>{let a=c.guideline&&c.guideline!=="-"?c.guideline:"",u=y(n,"severity",c.severity);return`${be(n,c)} (${u}${a?`; ${l(n,"panel.guideline",{guideline:a})}`:""})`}).join("; "),o.score??"",tr(o.security_contact),(o.support?.sources??[]).join(" "),te(e,o)]);return[r.map(o=>l(n,`csv.${o}`)),...i].map(o=>o.map(er).join(",")).join(`\r
`)+`\r
`}function Ie(n,e,t){let r=new Blob([t],{type:e}),i=URL.createObjectURL(r),s=document.createElement("a");s.href=i,s.download=n,s.rel="noopener",s.style.display="none",document.body.appendChild(s),s.click(),s.remove(),setTimeout(()=>URL.revokeObjectURL(i),0)}var xe="device-security-card",je="device-security-card-editor",se=5,oe=50;function rr(n){return n>=80?"good":n>=50?"fair":"poor"}var R=class extends ${constructor(){super(...arguments);this._fetch=new I(async()=>{if(this.hass)try{this._report=await fe(this.hass),this._error=void 0}catch(t){this._error=me(t)}})}static getConfigElement(){return document.createElement(je)}static getStubConfig(){return{max_devices:se,show_counts:!0}}setConfig(t){if(!t||typeof t!="object")throw new Error("Invalid configuration");let r=t.max_devices??se;if(!Number.isInteger(r)||r<1||r>oe)throw new Error(l(this.hass,"card.invalid_max_devices"));this._config={...t}}getCardSize(){let t=Math.min(this._maxDevices,this._report?He(this._report).length:1);return 3+(this._config?.show_counts===!1?0:1)+t}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}get _maxDevices(){return this._config?.max_devices??se}willUpdate(t){if(t.has("hass")&&this.hass){let r=ye(this.hass,ne(this.hass));(r!==this._signature||!this._report&&!this._fetch.busy&&!this._error)&&(this._signature=r,this._fetch.run())}}_score(t){return ve(this.hass,t.score)??this._report?.score}_counts(t){let r=this._report?ht(this._report):{},i={};for(let s of _e)i[s]=ve(this.hass,t[s])??r[s];return i}render(){if(!this._config||!this.hass)return p;let t=this.hass,r=ne(t),i=this._score(r),s=ve(t,r.devices_monitored)??this._report?.devices_monitored,o=this._config.title||l(t,"card.title");return d`
      <ha-card>
        <div class="card-content">
          <h2 class="title" id="title">${o}</h2>
          ${this._renderScore(i,s)}
          ${this._config.show_counts===!1?p:this._renderCounts(r)}
          ${this._renderDevices()}
        </div>
      </ha-card>
    `}_renderScore(t,r){let i=this.hass;if(t===void 0)return p;let s=l(i,"card.score_value",{score:t});return d`
      <div class="score-row">
        <div
          class="score ${rr(t)}"
          role="meter"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${t}
          aria-valuetext=${s}
          aria-label=${l(i,"card.score")}
        >
          <span class="score-value">${t}</span><span class="score-unit" aria-hidden="true"
            >/100</span
          >
        </div>
        <div class="score-text">
          <div class="score-label">${l(i,"card.score")}</div>
          ${r===void 0?p:d`<div class="secondary">
                ${l(i,"card.devices_checked",{count:r})}
              </div>`}
        </div>
      </div>
    `}_renderCounts(t){let r=this.hass,i=this._counts(t);return _e.every(s=>i[s]===void 0)?p:d`
      <ul class="counts" aria-label=${l(r,"card.counts_label")}>
        ${_e.map(s=>{let o=i[s];return d`<li class="count ${o?"attention":"clear"}" data-count=${s}>
            <span class="count-value">${o??"–"}</span>
            <span class="count-label">${l(r,`counts.${s}`)}</span>
          </li>`})}
      </ul>
    `}_renderDevices(){let t=this.hass;if(!this._report)return d`<p class="status" role="status">
        ${this._error?l(t,"card.error",{message:this._error}):l(t,"card.loading")}
      </p>`;let r=He(this._report);if(!r.length)return d`<p class="status all-clear">${l(t,"card.all_clear")}</p>`;let i=r.slice(0,this._maxDevices),s=r.length-i.length,o=!!t.panels?.[pt];return d`
      <h3 class="subtitle" id="act-first">${l(t,"card.needs_action")}</h3>
      <ul class="devices" aria-labelledby="act-first">
        ${i.map(c=>this._renderDevice(c,o))}
      </ul>
      ${s>0||o?d`<div class="footer">
            ${o?d`<a class="report-link" href=${Le} @click=${z}
                  >${s>0?l(t,"card.more",{count:s}):l(t,"card.open_report")}</a
                >`:d`<span class="secondary">${l(t,"card.more",{count:s})}</span>`}
          </div>`:p}
    `}_renderDevice(t,r){let i=this.hass,s=A(i,t),o=mt(i,t),c=_t(i,t),a=c?l(i,"card.date_suffix",{date:c}):"",u=ge(t)?.severity??"",f=$e(t),h=yt(t),g=f,b="card.open_device";!g&&h?(g=Ue,b="card.open_repairs_for"):!g&&r&&(g=Le,b="card.open_report_for");let C=d`
      <span class="dot" aria-hidden="true"></span>
      <span class="device-text">
        <span class="device-name">${s}</span>
        <span class="verdict">${o}</span>
      </span>
      ${c?d`<span class="date">${c}</span>`:p}
    `;return d`
      <li class="device severity-${u||"none"}">
        ${g?d`<a
              class="device-link"
              href=${g}
              @click=${z}
              aria-label=${l(i,b,{device:s,verdict:o,date:a})}
              >${C}</a
            >`:d`<div class="device-link">${C}</div>`}
        ${h&&f?d`<a
              class="repairs-link"
              href=${Ue}
              @click=${z}
              aria-label=${l(i,"card.repairs_label",{device:s})}
              >${l(i,"card.repairs")}</a
            >`:p}
      </li>
    `}};R.styles=D`
    :host {
      display: block;
    }
    ha-card {
      height: 100%;
      box-sizing: border-box;
    }
    .card-content {
      padding: 16px;
    }
    .title {
      margin: 0 0 12px;
      font-size: var(--ha-card-header-font-size, 1.5rem);
      font-weight: var(--ha-font-weight-normal, 400);
      color: var(--ha-card-header-color, var(--primary-text-color));
      line-height: 1.3;
    }
    .subtitle {
      margin: 16px 0 4px;
      font-size: 1rem;
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
    }
    .secondary,
    .status {
      color: var(--secondary-text-color);
    }
    .status {
      margin: 12px 0 0;
    }
    .score-row {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .score {
      display: flex;
      align-items: baseline;
      justify-content: center;
      min-width: 72px;
      padding: 8px 12px;
      border-radius: var(--ha-card-border-radius, 12px);
      border: 2px solid currentColor;
      color: var(--score-color);
    }
    .score.good {
      --score-color: var(--success-color, #43a047);
    }
    .score.fair {
      --score-color: var(--warning-color, #ffa600);
    }
    .score.poor {
      --score-color: var(--error-color, #db4437);
    }
    .score-value {
      font-size: 2rem;
      font-weight: var(--ha-font-weight-bold, 700);
      color: var(--primary-text-color);
    }
    .score-unit {
      font-size: 0.9rem;
      color: var(--secondary-text-color);
    }
    .score-label {
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
    }
    .counts {
      list-style: none;
      margin: 16px 0 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .count {
      flex: 1 1 100px;
      display: flex;
      flex-direction: column;
      padding: 8px;
      border-radius: 8px;
      background: var(--secondary-background-color, rgba(127, 127, 127, 0.1));
    }
    .count-value {
      font-size: 1.25rem;
      font-weight: var(--ha-font-weight-bold, 700);
      color: var(--primary-text-color);
    }
    .count.attention .count-value {
      color: var(--error-color, #db4437);
    }
    .count-label {
      font-size: 0.85rem;
      color: var(--secondary-text-color);
    }
    .devices {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .device {
      display: flex;
      align-items: center;
      gap: 8px;
      border-bottom: 1px solid var(--divider-color, rgba(127, 127, 127, 0.2));
    }
    .device:last-child {
      border-bottom: none;
    }
    .device-link {
      flex: 1;
      display: flex;
      align-items: center;
      gap: 12px;
      min-width: 0;
      padding: 8px 4px;
      color: inherit;
      text-decoration: none;
      border-radius: 4px;
    }
    a:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    a.device-link:hover .device-name {
      text-decoration: underline;
    }
    .dot {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--disabled-text-color, #bdbdbd);
    }
    .severity-critical .dot,
    .severity-high .dot {
      background: var(--error-color, #db4437);
    }
    .severity-medium .dot {
      background: var(--warning-color, #ffa600);
    }
    .severity-low .dot {
      background: var(--info-color, #039be5);
    }
    .device-text {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .device-name {
      color: var(--primary-text-color);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .verdict,
    .date {
      color: var(--secondary-text-color);
      font-size: 0.9rem;
    }
    .date {
      flex: none;
      max-width: 8.5em;
      text-align: end;
    }
    .repairs-link,
    .report-link {
      color: var(--primary-color);
      font-size: 0.9rem;
      padding: 4px;
      border-radius: 4px;
    }
    .footer {
      margin-top: 8px;
      text-align: end;
    }
  `,m([x({attribute:!1})],R.prototype,"hass",2),m([v()],R.prototype,"_config",2),m([v()],R.prototype,"_report",2),m([v()],R.prototype,"_error",2);H(xe,R);var nr=[{name:"title",selector:{text:{}}},{name:"max_devices",selector:{number:{min:1,max:oe,step:1,mode:"box"}}},{name:"show_counts",selector:{boolean:{}}}],B=class extends ${constructor(){super(...arguments);this._label=t=>l(this.hass,`editor.${t.name}`)}setConfig(t){this._config={...t}}get _data(){return{max_devices:se,show_counts:!0,...this._config}}render(){if(!this._config)return p;if(customElements.get("ha-form"))return d`<ha-form
        .hass=${this.hass}
        .data=${this._data}
        .schema=${nr}
        .computeLabel=${this._label}
        @value-changed=${this._formChanged}
      ></ha-form>`;let t=this._data;return d`
      <div class="fallback">
        <label>
          <span>${this._label({name:"title"})}</span>
          <input
            name="title"
            type="text"
            .value=${String(t.title??"")}
            @change=${this._inputChanged}
          />
        </label>
        <label>
          <span>${this._label({name:"max_devices"})}</span>
          <input
            name="max_devices"
            type="number"
            min="1"
            max=${oe}
            step="1"
            .value=${String(t.max_devices)}
            @change=${this._inputChanged}
          />
        </label>
        <label class="check">
          <input
            name="show_counts"
            type="checkbox"
            .checked=${t.show_counts!==!1}
            @change=${this._inputChanged}
          />
          <span>${this._label({name:"show_counts"})}</span>
        </label>
      </div>
    `}_formChanged(t){t.stopPropagation(),this._update(t.detail.value)}_inputChanged(t){let r=t.target,i;if(r.type==="checkbox")i=r.checked;else if(r.type==="number"){let s=Number(r.value);if(!Number.isInteger(s)||s<1||s>oe)return;i=s}else i=r.value;this._update({...this._config,[r.name]:i})}_update(t){let r={...this._config,...t};r.title||delete r.title,this._config=r,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:r},bubbles:!0,composed:!0}))}};B.styles=D`
    .fallback {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
      color: var(--primary-text-color);
    }
    label.check {
      flex-direction: row;
      align-items: center;
    }
    input[type="text"],
    input[type="number"] {
      padding: 8px;
      font: inherit;
      color: var(--primary-text-color);
      background: var(--card-background-color, transparent);
      border: 1px solid var(--divider-color, #8888);
      border-radius: 4px;
    }
  `,m([x({attribute:!1})],B.prototype,"hass",2),m([v()],B.prototype,"_config",2);H(je,B);var ir="device-security-panel",sr=5,or=[{key:"device",sort:"device"},{key:"manufacturer",sort:"manufacturer"},{key:"product",sort:"product"},{key:"identified_by",sort:"identified_by"},{key:"support",sort:"support"},{key:"findings",sort:"findings"},{key:"contact"},{key:"sources"},{key:"checked",sort:"checked"}],_=class extends ${constructor(){super(...arguments);this.narrow=!1;this._loading=!1;this._sort={key:"findings",descending:!0};this._filters={...wt};this._integrationNames={};this._fetch=new I(async()=>{if(this.hass){this._loading=!0;try{this._report=await fe(this.hass),this._error=void 0,this._loadIntegrationNames(this._report)}catch(t){this._error=me(t)}finally{this._loading=!1}}});this._downloadJson=()=>{this._report&&Ie(`device-security-report-${this._report.generated}.json`,"application/json",JSON.stringify(this._report,null,2))};this._downloadCsv=()=>{this._report&&Ie(`device-security-report-${this._report.generated}.csv`,"text/csv;charset=utf-8",`\uFEFF${kt(this.hass,this._report,this.shownDevices)}`)}}willUpdate(t){if(t.has("hass")&&this.hass){let r=ye(this.hass,ne(this.hass));(r!==this._signature||!this._report&&!this._loading&&!this._error)&&(this._signature=r,this.reload())}}async reload(){await this._fetch.run()}async _loadIntegrationNames(t){let i=[...new Set(t.devices.flatMap(s=>s.integrations??[]))].filter(s=>!(s in this._integrationNames));if(!(!i.length||!this.hass))try{let s=await this.hass.callWS({type:"manifest/list",integrations:i}),o={...this._integrationNames};for(let c of s??[])c?.domain&&c.name&&(o[c.domain]=c.name);this._integrationNames=o}catch{}}_integrationName(t){return this._integrationNames[t]??t}get shownDevices(){return this._report?St(this.hass,this._report,At(this._report.devices,this._filters),this._sort):[]}render(){let t=this.hass;return d`
      <div class="toolbar">
        <ha-menu-button .hass=${t} .narrow=${this.narrow}></ha-menu-button>
        <h1 class="main-title">${l(t,"panel.title")}</h1>
      </div>
      <main class="content">${this._renderBody()}</main>
    `}_renderBody(){let t=this.hass,r=this._report;if(!r)return d`<p class="status" role="status">
        ${this._error?l(t,"panel.error",{message:this._error}):l(t,"panel.loading")}
      </p>`;let i=this.shownDevices;return d`
      <section class="summary">
        <p class="score">${l(t,"panel.score",{score:r.score})}</p>
        <p class="secondary">
          ${l(t,"panel.assessed",{generated:F(t,r.generated),database_date:F(t,r.database_date)})}
        </p>
        ${this._error?d`<p class="error" role="alert">
              ${l(t,"panel.error",{message:this._error})}
            </p>`:p}
        <div class="actions">
          <button class="reload" @click=${()=>this.reload()} ?disabled=${this._loading}>
            ${l(t,"panel.reload")}
          </button>
          <button class="download-json" @click=${this._downloadJson}>
            ${l(t,"panel.download_json")}
          </button>
          <button
            class="download-csv"
            @click=${this._downloadCsv}
            title=${l(t,"panel.download_csv_hint")}
          >
            ${l(t,"panel.download_csv")}
          </button>
        </div>
      </section>
      ${this._renderFilters(r)}
      <p class="shown secondary" role="status" aria-live="polite">
        ${l(t,"panel.shown",{shown:i.length,total:r.devices.length})}
      </p>
      ${r.devices.length===0?d`<p class="status">${l(t,"panel.no_devices")}</p>`:this._renderTable(r,i)}
    `}_renderFilters(t){let r=this.hass,i=[...new Set(t.devices.map(S))].sort((a,u)=>Q(a)-Q(u)),s=[...new Set(t.devices.flatMap(a=>a.integrations??[]))].map(a=>[a,this._integrationName(a)]).sort((a,u)=>a[1].localeCompare(u[1])),o=this._filters,c=(a,u)=>d`
      <label class="filter">
        <span>${l(r,`panel.filter_${a}`)}</span>
        <select name=${a} @change=${this._filterChanged}>
          <option value="" ?selected=${!o[a]}>${l(r,"panel.all")}</option>
          ${u.map(([f,h])=>d`<option value=${f} ?selected=${o[a]===f}>${h}</option>`)}
        </select>
      </label>
    `;return d`
      <fieldset class="filters">
        <legend class="visually-hidden">${l(r,"panel.filters")}</legend>
        <label class="filter search">
          <span>${l(r,"panel.search")}</span>
          <input
            name="text"
            type="search"
            .value=${o.text}
            placeholder=${l(r,"panel.search_placeholder")}
            @input=${this._filterChanged}
          />
        </label>
        ${c("state",i.map(a=>[a,y(r,"support_state",a)]))}
        ${c("severity",[...ut.filter(a=>a!=="info").map(a=>[a,l(r,"panel.at_least",{severity:y(r,"severity",a)})]),["info",l(r,"panel.any_finding")],["none",l(r,"panel.no_findings")]])}
        ${c("integration",s)}
        ${c("identification",[["identified",l(r,"panel.identified")],["unidentified",l(r,"panel.unidentified")]])}
      </fieldset>
    `}_renderTable(t,r){let i=this.hass;return d`
      <div class="table-wrapper">
        <table>
          <caption class="visually-hidden">
            ${l(i,"panel.caption")}
          </caption>
          <thead>
            <tr>
              ${or.map(s=>this._renderHeader(s))}
            </tr>
          </thead>
          <tbody>
            ${r.map(s=>this._renderRow(t,s))}
          </tbody>
        </table>
      </div>
      ${r.length===0?d`<p class="status">${l(i,"panel.no_match")}</p>`:p}
    `}_renderHeader(t){let r=l(this.hass,`panel.columns.${t.key}`);if(!t.sort)return d`<th scope="col">${r}</th>`;let i=this._sort.key===t.sort,s=i?this._sort.descending?"descending":"ascending":"none";return d`<th scope="col" aria-sort=${s} data-column=${t.key}>
      <button
        class="sort"
        @click=${()=>this._sortBy(t.sort)}
        title=${l(this.hass,"panel.sort_by",{column:r})}
      >
        ${r}<span class="arrow" aria-hidden="true"
          >${i?this._sort.descending?"▼":"▲":""}</span
        >
      </button>
    </th>`}_renderRow(t,r){let i=this.hass,s=A(i,r),o=$e(r),c=xt(r);return d`
      <tr data-device=${r.device_id}>
        <th scope="row" class="device">
          ${o?d`<a
                href=${o}
                @click=${z}
                title=${l(i,"panel.device_page",{device:s})}
                >${s}</a
              >`:d`<span>${s}</span>`}
          <div class="secondary small">
            ${(r.integrations??[]).map(a=>this._integrationName(a)).join(", ")}
          </div>
        </th>
        <td>${r.manufacturer||l(i,"panel.unknown")}</td>
        <td class="product">
          <div>${r.identified_as?.name||l(i,"panel.unidentified")}</div>
          ${r.model&&r.model!==r.identified_as?.name?d`<div class="secondary small">${r.model}</div>`:p}
          ${c?d`<a
                class="help-identify"
                href=${c}
                target="_blank"
                rel="noopener noreferrer"
                title=${l(i,"panel.help_identify_hint")}
                >${l(i,"panel.help_identify")}</a
              >`:p}
        </td>
        <td>${ee(i,r)}</td>
        <td class="support state-${S(r)}">
          <div class="state">${y(i,"support_state",S(r))}</div>
          ${r.support?.end?d`<div class="small">${vt(i,r)}</div>`:p}
          ${r.support?.basis&&y(i,"support_basis",r.support.basis)?d`<div class="secondary small">
                ${y(i,"support_basis",r.support.basis)}
              </div>`:p}
        </td>
        <td class="findings">${this._renderFindings(r)}</td>
        <td class="contact">${this._renderContact(r)}</td>
        <td class="sources">${this._renderSources(r)}</td>
        <td>${F(i,te(t,r))}</td>
      </tr>
    `}_renderFindings(t){let r=this.hass,i=[...t.findings??[]].sort((a,u)=>E(u.severity)-E(a.severity)),s=t.acknowledged??[],o=Array.isArray(t.vulnerabilities)?t.vulnerabilities:[];if(!i.length&&!s.length&&!o.length)return d`<span class="secondary">${l(r,"panel.no_findings")}</span>`;let c=(a,u)=>{let f=be(r,a),h=a.guideline&&a.guideline!=="-"?l(r,"panel.guideline",{guideline:a.guideline}):"";return d`<li class=${u?"muted":""}>
        <span class="badge severity-${a.severity}"
          >${y(r,"severity",a.severity)}</span
        >
        <span>${u?l(r,"panel.acknowledged",{finding:f}):f}</span>
        ${h?d`<span class="guideline secondary small" title=${a.provision??""}
              >${h}</span
            >`:p}
        ${this._renderDetails(a)}
      </li>`};return d`<ul class="finding-list">
      ${i.map(a=>c(a,!1))}
      ${s.map(a=>c(a,!0))}
      ${o.length?d`<li>${l(r,"panel.vulnerabilities",{count:o.length})}</li>`:p}
    </ul>`}_renderDetails(t){let r=t.details??{},i=typeof r.cves=="string"?r.cves.match(/CVE-\d{4}-\d{4,}/g)??[]:[],s=i.slice(0,sr),o=typeof r.fixed_version=="string"?r.fixed_version:"";return!i.length&&!o?p:d`<div class="details small">
      ${i.length?d`<div>
            ${l(this.hass,"panel.vulnerability_ids")}${s.map((c,a)=>d`${a?", ":""}<a
                    href="https://www.cve.org/CVERecord?id=${c}"
                    target="_blank"
                    rel="noopener noreferrer"
                    >${c}</a
                  >`)}${i.length>s.length?l(this.hass,"panel.more_vulnerabilities",{count:i.length-s.length}):p}
          </div>`:p}
      ${o?d`<div>${l(this.hass,"panel.fixed_in",{version:o})}</div>`:p}
    </div>`}_renderContact(t){let r=this.hass,i=t.security_contact,s=[[ie(i?.url),"panel.contact_web"],[bt(i?.email),"panel.contact_email"],[ie(i?.security_txt),"panel.contact_security_txt"]].filter(([o])=>o);return s.length?d`<ul class="link-list">
      ${s.map(([o,c])=>d`<li>
            <a href=${o} target="_blank" rel="noopener noreferrer">${l(r,c)}</a>
          </li>`)}
    </ul>`:d`<span class="secondary">${l(r,"panel.no_contact")}</span>`}_renderSources(t){let r=(t.support?.sources??[]).map(i=>ie(i)).filter(i=>!!i);return r.length?d`<ul class="link-list">
      ${r.map(i=>d`<li><a href=${i} target="_blank" rel="noopener noreferrer">${$t(i)}</a></li>`)}
    </ul>`:d`<span class="secondary">${l(this.hass,"panel.no_sources")}</span>`}_sortBy(t){this._sort=this._sort.key===t?{key:t,descending:!this._sort.descending}:{key:t,descending:t==="findings"}}_filterChanged(t){let r=t.target;this._filters={...this._filters,[r.name]:r.value}}};_.styles=D`
    :host {
      display: block;
      min-height: 100%;
      background: var(--primary-background-color);
      color: var(--primary-text-color);
      font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, sans-serif));
    }
    .toolbar {
      display: flex;
      align-items: center;
      gap: 8px;
      height: var(--header-height, 56px);
      padding: 0 12px;
      box-sizing: border-box;
      background: var(--app-header-background-color, var(--primary-color));
      color: var(--app-header-text-color, var(--text-primary-color, #fff));
      border-bottom: var(--app-header-border-bottom, none);
    }
    .main-title {
      margin: 0 0 0 12px;
      font-size: var(--ha-font-size-xl, 1.25rem);
      font-weight: var(--ha-font-weight-normal, 400);
    }
    .content {
      padding: 16px;
      max-width: 1600px;
    }
    :host([narrow]) .content {
      padding: 8px;
    }
    :host([narrow]) .filter {
      flex: 1 1 40%;
    }
    .summary p {
      margin: 0 0 4px;
    }
    .score {
      font-size: 1.5rem;
      font-weight: var(--ha-font-weight-medium, 500);
    }
    .secondary {
      color: var(--secondary-text-color);
    }
    .small {
      font-size: 0.85rem;
    }
    .error {
      color: var(--error-color, #db4437);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    .actions button {
      padding: 6px 14px;
      border-radius: 18px;
      border: 1px solid var(--primary-color);
      background: transparent;
      color: var(--primary-color);
    }
    .actions button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    button:focus-visible,
    a:focus-visible,
    select:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 0 0 8px;
      padding: 0;
      border: none;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-size: 0.85rem;
      color: var(--secondary-text-color);
    }
    select,
    input {
      font: inherit;
      font-size: 1rem;
      padding: 6px 8px;
      color: var(--primary-text-color);
      background: var(--card-background-color, var(--primary-background-color));
      border: 1px solid var(--divider-color, #8888);
      border-radius: 4px;
    }
    .table-wrapper {
      overflow-x: auto;
      background: var(--card-background-color);
      border-radius: var(--ha-card-border-radius, 12px);
      border: 1px solid var(--divider-color, #8884);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.95rem;
    }
    th,
    td {
      padding: 8px 10px;
      text-align: start;
      vertical-align: top;
      border-bottom: 1px solid var(--divider-color, #8884);
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--card-background-color);
      white-space: nowrap;
      font-weight: var(--ha-font-weight-medium, 500);
    }
    tbody th {
      font-weight: var(--ha-font-weight-medium, 500);
      min-width: 10em;
    }
    td.product,
    td.support {
      min-width: 9em;
    }
    td.findings {
      min-width: 18em;
    }
    td.contact,
    td.sources {
      min-width: 8em;
      overflow-wrap: anywhere;
    }
    .guideline {
      white-space: nowrap;
    }
    .details {
      margin-top: 2px;
      color: var(--secondary-text-color);
    }
    button.sort {
      background: none;
      border: none;
      padding: 0;
      color: inherit;
      font-weight: inherit;
    }
    .arrow {
      display: inline-block;
      width: 1em;
      font-size: 0.75em;
      margin-inline-start: 2px;
    }
    a {
      color: var(--primary-color);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .finding-list li {
      margin-bottom: 4px;
    }
    .finding-list li.muted {
      opacity: 0.7;
    }
    .badge {
      display: inline-block;
      padding: 0 6px;
      margin-inline-end: 4px;
      border-radius: 8px;
      font-size: 0.75rem;
      line-height: 1.5;
      color: var(--text-primary-color, #fff);
      background: var(--disabled-text-color, #9e9e9e);
    }
    .badge.severity-critical,
    .badge.severity-high {
      background: var(--error-color, #db4437);
    }
    .badge.severity-medium {
      background: var(--warning-color, #ffa600);
      color: var(--primary-text-color);
    }
    .badge.severity-low {
      background: var(--info-color, #039be5);
    }
    .support.state-ended .state {
      color: var(--error-color, #db4437);
    }
    .help-identify {
      display: inline-block;
      margin-top: 4px;
      font-size: 0.85rem;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,m([x({attribute:!1})],_.prototype,"hass",2),m([x({type:Boolean,reflect:!0})],_.prototype,"narrow",2),m([x({attribute:!1})],_.prototype,"route",2),m([x({attribute:!1})],_.prototype,"panel",2),m([v()],_.prototype,"_report",2),m([v()],_.prototype,"_error",2),m([v()],_.prototype,"_loading",2),m([v()],_.prototype,"_sort",2),m([v()],_.prototype,"_filters",2),m([v()],_.prototype,"_integrationNames",2);H(ir,_);var Et=window.customCards??=[];Et.some(n=>n.type===xe)||Et.push({type:xe,name:l(void 0,"card.name"),description:l(void 0,"card.description"),preview:!0,documentationURL:"https://github.com/device-security/device-security"});
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
