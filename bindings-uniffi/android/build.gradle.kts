// The Android library (AAR) of the Kotlin binding: the generated Kotlin sources and the native
// libraries per ABI (made by bindings-uniffi/android.sh), with JNA's AAR for the FFI.
plugins {
    id("com.android.library") version "8.7.3"
    kotlin("android") version "2.4.21"
}

android {
    namespace = "com.sendgridadmin"
    compileSdk = 35
    defaultConfig { minSdk = 24 }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin { jvmToolchain(17) }

dependencies {
    implementation("net.java.dev.jna:jna:5.19.1@aar")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.11.0")
}
