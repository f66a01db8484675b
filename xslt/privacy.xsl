<?xml version="1.0" encoding="UTF-8"?>
<!--
  privacy.xsl: 个人信息保护说明: what the platform collects, why, where it
  is kept, how long, who sees it, and the person's rights (PIPL; GB/T
  35273-2020). The retention periods are the configuration's (bluecode
  purge), given by the page.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">个人信息保护说明</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="k" select="retention"/>
    <section class="card">
      <h1>个人信息保护说明</h1>
      <p><l:m>本平台由<xsl:value-of select="jurisdiction/@committee"/>运营，依照《中华人民共和国个人信息保护法》处理个人信息，只收集开展消防安全培训普测和便民服务所必需的信息，不用于其他目的，不向第三方提供。</l:m></p>
      <h2>收集什么、为什么</h2>
      <ul>
        <li><l:m><strong>不注册也能答题领码。</strong>这时只记录答题的浏览器（一个随机标识）、所选角色、所在镇街和答题情况，用于发放蓝码和统计各镇街完成情况。定位只用于确定所在镇街，不保存具体坐标。</l:m></li>
        <li><l:m><strong>注册账号</strong>需要手机号和密码（密码只保存不可逆的摘要），可选填姓名（印在胸卡上）、角色、镇街和所在单位，用于找回蓝码、续期、学习积分和单位统计。</l:m></li>
        <li><l:m><strong>隐患曝光</strong>保存反映的情况、位置和照片；照片会重新生成，不保存拍摄位置等附带信息。联系人和电话可以不填，填写后只给处理人员核实情况用，不公开。</l:m></li>
        <li><l:m><strong>预约参观、预约培训</strong>保存联系人、电话、人数和单位，用于安排和联系。</l:m></li>
        <li><l:m><strong>烧伤救助申请</strong>保存申请人和患者的身份信息、医疗费用、银行账户和证明材料，只用于审核和发放救助。</l:m></li>
      </ul>
      <h2>谁能看到</h2>
      <p>公开页面上从不显示手机号；核验蓝码时持有人姓名打码显示。管理人员只能看到自己职责范围内的信息，页面上的手机号、身份证号和银行账号默认打码；确因工作需要查看完整信息时必须说明理由，每一次查看都记录在案，接受区消安委办检查。</p>
      <p>手机号、身份证号、银行账户信息和证明材料图片在数据库中加密保存，密钥与数据库分开保管：仅有数据库的备份或副本，看不到这些信息。</p>
      <h2>保存多久</h2>
      <ul>
        <li><l:m>未注册账号、也未领到蓝码的答题记录：<xsl:value-of select="$k/@attempts"/> 天后删除。</l:m></li>
        <li><l:m>隐患曝光的联系人和电话：办结或不予受理 <xsl:value-of select="$k/@hazard-contacts"/> 天后删除，反映的情况作为整改记录保留。</l:m></li>
        <li><l:m>参观和培训预约的联系人和电话：预约日期过后 <xsl:value-of select="$k/@bookings"/> 天删除。</l:m></li>
        <li><l:m>烧伤救助申请的证明材料：审核决定作出 <xsl:value-of select="$k/@aid-documents"/> 天后删除。</l:m></li>
        <li><l:m>办事进度通知里的电话：<xsl:value-of select="$k/@notices"/> 天后删除。</l:m></li>
        <li><l:m>管理操作记录和个人信息查看记录：<xsl:value-of select="$k/@logs"/> 天后删除。</l:m></li>
        <li>账号：直到你注销为止。</li>
      </ul>
      <p class="note">到期的信息每天夜间自动删除。</p>
      <h2>你的权利</h2>
      <p><l:m>登录后在<a href="/account/data">我的个人信息</a>可以查看本平台保存的与你有关的全部信息，下载（JSON、CSV），更正姓名等资料，或注销账号。注销后，已领取的蓝码在有效期内仍可核验，但不再显示任何个人信息。对个人信息处理有疑问，可以联系<xsl:value-of select="jurisdiction/@committee"/>。</l:m></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
