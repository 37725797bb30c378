package io.icpflow.access;

/** The provider's products that connect a domain and ask whether they may (000). */
public enum Product {
    ANTI_DDOS, CDN, WAF, LOAD_BALANCER, OBJECT_STORAGE, WEB_HOSTING
}
